using System.Collections.Immutable;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Pulumi.Resources.Kubernetes;

/// <summary>A namespaced RBAC role: what its subjects may do in <c>metadata.namespace</c> only.</summary>
public sealed record RbacRole : IResourceArgs
{
    public static string Token => "kubernetes:rbac.authorization.k8s.io/v1:Role";

    public required ObjectMeta Metadata { get; init; }

    public required ImmutableArray<PolicyRule> Rules { get; init; }
}

public sealed record PolicyRule : IArgsObject
{
    public required ImmutableArray<string> ApiGroups { get; init; }

    public required ImmutableArray<string> Resources { get; init; }

    public required ImmutableArray<string> Verbs { get; init; }
}

public sealed record RbacRoleBinding : IResourceArgs
{
    public static string Token => "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding";

    public required ObjectMeta Metadata { get; init; }

    public required RoleRef RoleRef { get; init; }

    public required ImmutableArray<RbacSubject> Subjects { get; init; }
}

public sealed record RoleRef : IArgsObject
{
    public required Input<string> ApiGroup { get; init; }

    public required Input<string> Kind { get; init; }

    public required Input<string> Name { get; init; }
}

public sealed record RbacSubject : IArgsObject
{
    public required Input<string> Kind { get; init; }

    public required Input<string> Name { get; init; }

    public Input<string>? Namespace { get; init; }
}
