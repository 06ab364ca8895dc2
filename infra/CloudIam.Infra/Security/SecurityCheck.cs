using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Security;

/// <summary>One rule of the security baseline, applied to the compiled program before Pulumi sees it.</summary>
public interface ISecurityCheck
{
    /// <summary>Stable ID (<c>SEC001</c>).</summary>
    string Id { get; }

    string Title { get; }

    /// <summary>The risk the rule prevents, for the person fixing a finding.</summary>
    string Why { get; }

    /// <summary>
    /// The provider-file security subject (<c>secretsEncryption</c>) that is the whole of this rule: on a provider
    /// whose file marks it <c>notOffered</c>, the rule does not apply, and the plan says so. Null for a rule that reads
    /// no such subject, or only in part (SEC005, SEC006).
    /// </summary>
    string? ProviderSubject => null;

    IEnumerable<SecurityFinding> Check(PulumiProgram program);
}

public sealed record SecurityFinding
{
    public required string CheckId { get; init; }

    /// <summary>Logical name of the offending resource.</summary>
    public required string Resource { get; init; }

    public required string Message { get; init; }

    public override string ToString() => $"{CheckId} {Resource}: {Message}";
}

/// <summary>A rule that does not apply to a provider of the program, because its provider file says it offers no such setting.</summary>
public sealed record NotApplicable
{
    public required string CheckId { get; init; }

    public required string Provider { get; init; }

    /// <summary>The provider file's <c>notOffered</c> reason.</summary>
    public required string Reason { get; init; }

    public override string ToString() => $"{CheckId} not applicable on {Provider}: {Reason}";
}
