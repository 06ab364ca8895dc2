namespace CloudIam.Placement.Policy;

public static class PolicyInputs
{
    /// <summary>
    /// Resource inputs the policy reads beyond what placement inference needs (the capacity
    /// properties); readers of large exports keep these and skip everything else.
    /// </summary>
    public static IEnumerable<string> InputPaths(this PlacementPolicy policy) =>
        policy.Capabilities.Values.Select(c => c.Capacity?.Property).OfType<string>().Distinct(StringComparer.Ordinal);
}
