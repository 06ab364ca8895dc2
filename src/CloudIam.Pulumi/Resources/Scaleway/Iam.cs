using System.Collections.Immutable;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Pulumi.Resources.Scaleway;

/// <summary>IAM policy; exactly one principal of application, user, group or <c>noPrincipal</c>.</summary>
public sealed record IamPolicy : IResourceArgs
{
    public static string Token => "scaleway:iam/policy:Policy";

    public required ImmutableArray<IamPolicyRule> Rules { get; init; }
}

public sealed record IamPolicyRule : IArgsObject
{
    public required ImmutableArray<string> PermissionSetNames { get; init; }
}
