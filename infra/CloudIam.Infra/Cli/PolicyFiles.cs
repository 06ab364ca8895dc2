using CloudIam.Placement.Policy;

namespace CloudIam.Infra.Cli;

/// <summary>
/// The program ships its own policy at policy/placement.yaml; <c>--policy</c> applies another. Run as a
/// dotnet tool in a Pulumi project that has no policy of its own, the copy shipped with the tool applies.
/// </summary>
public static class PolicyFiles
{
    public const string Default = "policy/placement.yaml";

    public static PlacementPolicy Load(string? path, CliContext context) =>
        PolicyLoader.Load(path ?? (Path.Combine(context.Root, Default) is var own && File.Exists(own) ? own : Path.Combine(AppContext.BaseDirectory, Default)));
}
