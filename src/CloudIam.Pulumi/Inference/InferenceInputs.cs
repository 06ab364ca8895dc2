using CloudIam.Pulumi.Providers;

namespace CloudIam.Pulumi.Inference;

/// <summary>
/// Every input, output and property dependency placement inference reads. The readers keep exactly
/// these and skip the rest of each resource, so this list is also what makes large exports cheap.
/// Location and attachment names come from the shipped provider files.
/// </summary>
internal static class InferenceInputs
{
    public const string Tags = "tags";
    public const string Metadata = "metadata";
    public const string Labels = "labels";
    public const string Values = "values";
    public const string CommonLabels = "commonLabels";
    public const string PodLabels = "podLabels";
    public const string Controller = "controller";
    public const string Kubeconfig = "kubeconfig";

    /// <summary>
    /// Values read from inputs (then outputs), as path segments. Tag and label maps keep only the
    /// capability entry: real ones carry many more, and this runs for every resource of a large export.
    /// </summary>
    public static readonly string[][] ValuePaths =
    [
        .. ProviderCatalog.Shipped.RegionKeys.Concat(ProviderCatalog.Shipped.ZoneKeys).Select(key => new[] { key }),
        [Kubeconfig],
        [Tags, CapabilityTag.Key],
        [Metadata, Labels, CapabilityTag.Key],
        [Values, CommonLabels, CapabilityTag.Key],
        [PublicHostName.DnsZone], [PublicHostName.ZoneId], [PublicHostName.Name], [PublicHostName.Fqdn],
        [Values, PodLabels, CapabilityTag.Key],
        [Values, Controller, PodLabels, CapabilityTag.Key],
    ];

    /// <summary>Inputs whose <c>propertyDependencies</c> are kept.</summary>
    public static readonly string[][] ReferenceKeys = [[Kubeconfig], .. ProviderCatalog.Shipped.NetworkKeys.Select(key => new[] { key })];
}
