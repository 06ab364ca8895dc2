using CloudIam.Pulumi.Graph;

namespace CloudIam.Pulumi.Inference;

internal static class PropertyValues
{
    /// <summary>
    /// One map entry. Inference walks paths key by key instead of <see cref="PropertyValue.Get"/>: it
    /// runs for every resource of a large graph, and some keys (<c>cloudiam.io/capability</c>) contain dots.
    /// </summary>
    public static PropertyValue? Child(this PropertyValue? value, string key) =>
        value is MapValue map ? map.Items.GetValueOrDefault(key) : null;
}
