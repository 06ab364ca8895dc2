using CloudIam.Placement.Design;

namespace CloudIam.Placement.Policy;

public static class MatchRules
{
    /// <summary>True when every field the rule gives matches the resource.</summary>
    public static bool Matches(this MatchRule rule, DesignResource resource) =>
        (rule.Type is null || string.Equals(rule.Type, resource.Type, StringComparison.Ordinal))
        && (rule.Name is null || Glob.IsMatch(rule.Name, resource.Name))
        && (rule.Urn is null || Glob.IsMatch(rule.Urn, resource.Urn));

    /// <summary>The resource's own tag wins; otherwise the first matching rule, in file order.</summary>
    public static string? CapabilityOf(this PlacementPolicy policy, DesignResource resource) =>
        resource.Capability ?? policy.Match.FirstOrDefault(rule => rule.Matches(resource))?.Capability;
}
