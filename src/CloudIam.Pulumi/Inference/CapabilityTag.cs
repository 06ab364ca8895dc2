using CloudIam.Pulumi.Graph;
using CloudIam.Pulumi.Providers;

namespace CloudIam.Pulumi.Inference;

/// <summary>The tag or label that names the capability a resource provides.</summary>
public static class CapabilityTag
{
    public const string Key = "cloudiam.io/capability";

    private const string ListPrefix = Key + "=";

    /// <summary>
    /// The first of: a <c>tags</c> map entry (AWS, Scaleway buckets) or <c>key=value</c> list entry
    /// (other Scaleway resources); a Kubernetes <c>metadata.labels</c> entry; for Helm, a
    /// <c>values.commonLabels</c> entry, or for charts that have no common labels the pod labels (<c>values.podLabels</c>,
    /// <c>values.controller.podLabels</c>). Inputs are read before outputs.
    /// </summary>
    internal static string? Of(PulumiResource resource, ProviderCatalog providers) =>
        FromTags(resource.Inputs) ?? FromTags(resource.Outputs)
        ?? FromLabels(resource.Inputs) ?? FromLabels(resource.Outputs)
        ?? (providers.RoleOf(resource.Type) is ResourceRole.HelmRelease or ResourceRole.HelmChart ? FromHelmValues(resource.Inputs.Child(InferenceInputs.Values)) : null);

    private static string? FromHelmValues(PropertyValue? values) =>
        FromMap(values.Child(InferenceInputs.CommonLabels))
        ?? FromMap(values.Child(InferenceInputs.PodLabels))
        ?? FromMap(values.Child(InferenceInputs.Controller).Child(InferenceInputs.PodLabels));

    private static string? FromLabels(PropertyValue properties) =>
        FromMap(properties.Child(InferenceInputs.Metadata).Child(InferenceInputs.Labels));

    private static string? FromTags(PropertyValue properties)
    {
        switch (properties.Child(InferenceInputs.Tags))
        {
            case MapValue map:
                return FromMap(map);
            case ListValue list:
                foreach (var item in list.Items)
                {
                    if (item is StringValue { Value: var tag } && tag.StartsWith(ListPrefix, StringComparison.Ordinal))
                    {
                        return NonEmpty(tag[ListPrefix.Length..]);
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static string? FromMap(PropertyValue? value) =>
        value.Child(Key) is StringValue { Value: var capability } ? NonEmpty(capability) : null;

    private static string? NonEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
