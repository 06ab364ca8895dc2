using System.Collections.Immutable;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Pulumi.Resources.Aws;

public sealed record IamRole : IResourceArgs
{
    public static string Token => "aws:iam/role:Role";

    /// <summary>JSON policy document; write it with <see cref="Input.Json"/>.</summary>
    public required Input<string> AssumeRolePolicy { get; init; }

    public Input<string>? Name { get; init; }

    public ImmutableSortedDictionary<string, string>? Tags { get; init; }
}

/// <summary>Attaches a managed policy; the schema gives it no <c>tags</c>.</summary>
public sealed record IamRolePolicyAttachment : IResourceArgs
{
    public static string Token => "aws:iam/rolePolicyAttachment:RolePolicyAttachment";

    /// <summary>The role's <b>name</b>, not its ARN.</summary>
    public required Input<string> Role { get; init; }

    public required Input<string> PolicyArn { get; init; }
}

/// <summary>An inline policy of one role (JSON document; write it with <see cref="Input.Json"/>).</summary>
public sealed record IamRolePolicy : IResourceArgs
{
    public static string Token => "aws:iam/rolePolicy:RolePolicy";

    /// <summary>The role's <b>name</b>.</summary>
    public required Input<string> Role { get; init; }

    public required Input<string> Policy { get; init; }

    public Input<string>? Name { get; init; }
}

public static class IamRoleOutputs
{
    public static Output<string> Arn(this Resource<IamRole> role) => role.Output<string>("arn");

    public static Output<string> Name(this Resource<IamRole> role) => role.Output<string>("name");
}
