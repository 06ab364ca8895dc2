using CloudIam.Pulumi.Yaml;

namespace CloudIam.Pulumi.Resources.Kubernetes;

/// <summary>
/// <c>kubernetes:helm.sh/v3:Release</c>: a real Helm release (usable from YAML, unlike <c>helm.sh/v3:Chart</c>).
/// Changing <c>name</c> or <c>namespace</c> replaces it.
/// </summary>
public sealed record HelmRelease : IResourceArgs
{
    public static string Token => "kubernetes:helm.sh/v3:Release";

    public required Input<string> Chart { get; init; }

    public Input<string>? Version { get; init; }

    public HelmRepositoryOpts? RepositoryOpts { get; init; }

    /// <summary>Set it: when absent the release is autonamed <c>&lt;logicalName&gt;-&lt;hex&gt;</c>.</summary>
    public Input<string>? Name { get; init; }

    public Input<string>? Namespace { get; init; }

    /// <summary>Chart values; carry the capability in <c>commonLabels</c>.</summary>
    public ExprMap? Values { get; init; }

    public Input<bool>? Atomic { get; init; }

    public Input<bool>? CleanupOnFail { get; init; }

    /// <summary>Seconds.</summary>
    public Input<int>? Timeout { get; init; }

    public Input<int>? MaxHistory { get; init; }
}

public sealed record HelmRepositoryOpts : IArgsObject
{
    public required Input<string> Repo { get; init; }
}
