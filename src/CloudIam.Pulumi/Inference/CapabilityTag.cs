using CloudIam.Pulumi.Graph;

namespace CloudIam.Pulumi.Inference;

/// <summary>The tag or label that names the capability a resource provides.</summary>
public static class CapabilityTag
{
    public const string Key = "cloudiam.io/capability";

    private const string ListPrefix = Key + "=";

    /// <summary>
    /// The first of: a <c>tags</c> map entry (AWS, Scaleway buckets) or <c>key=value</c> list entry
    /// (other Scaleway resources); a Kubernetes <c>metadata.labels</c> entry; for Helm, a
    /// <c>values.commonLabels</c> entry. Inputs are read before outputs.
    /// </summary>
    internal static string? Of(PulumiResource resource) =>
        FromTags(resource.Inputs) ?? FromTags(resource.Outputs)
        ?? FromMap(resource.Inputs.Get(InferenceInputs.Labels)) ?? FromMap(resource.Outputs.Get(InferenceInputs.Labels))
        ?? (KnownTypes.HelmReleases.Contains(resource.Type) ? FromMap(resource.Inputs.Get(InferenceInputs.HelmCommonLabels)) : null);

    private static string? FromTags(PropertyValue properties) => properties.Get(InferenceInputs.Tags) switch
    {
        MapValue map => FromMap(map),
        ListValue list => list.Items
            .Select(item => item is StringValue { Value: var tag } && tag.StartsWith(ListPrefix, StringComparison.Ordinal) ? NonEmpty(tag[ListPrefix.Length..]) : null)
            .FirstOrDefault(capability => capability is not null),
        _ => null,
    };

    // Not PropertyValue.Get: the key itself contains dots.
    private static string? FromMap(PropertyValue? value) =>
        value is MapValue map && map.Items.GetValueOrDefault(Key) is StringValue { Value: var capability } ? NonEmpty(capability) : null;

    private static string? NonEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
