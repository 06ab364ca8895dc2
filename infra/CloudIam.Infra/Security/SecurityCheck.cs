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
