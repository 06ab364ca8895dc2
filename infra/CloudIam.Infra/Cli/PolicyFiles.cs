using CloudIam.Placement.Policy;

namespace CloudIam.Infra.Cli;

/// <summary>The program ships its own policy at policy/placement.yaml; <c>--policy</c> applies another.</summary>
public static class PolicyFiles
{
    public const string Default = "policy/placement.yaml";

    public static PlacementPolicy Load(string? path, CliContext context) =>
        PolicyLoader.Load(path ?? Path.Combine(context.Root, Default));
}
