using System.Collections.Immutable;
using CloudIam.Placement.Analysis;
using CloudIam.Placement.Domains;

namespace CloudIam.Placement.Simulation;

/// <summary>Each critical capability against the loss of each single domain of the chosen kinds.</summary>
public sealed record OutageMatrix
{
    public required ImmutableArray<string> Capabilities { get; init; }

    public required ImmutableArray<OutageMatrixRow> Rows { get; init; }

    public static OutageMatrix Build(DesignAnalysis analysis, params DomainKind[] kinds)
    {
        var critical = analysis.Capabilities.Values.Where(c => c.Spec.Critical).Select(c => c.Name).ToImmutableArray();
        var rows = analysis.Domains.All
            .Where(d => kinds.Contains(d.Kind))
            .Select(domain =>
            {
                var outage = analysis.Outage(domain);
                return new OutageMatrixRow
                {
                    Domain = domain.Id,
                    Kind = domain.Kind,
                    Outcomes = [.. critical.Select(name => analysis.Evaluate(name, outage))],
                };
            });
        return new OutageMatrix { Capabilities = critical, Rows = [.. rows] };
    }
}

public sealed record OutageMatrixRow
{
    public required string Domain { get; init; }

    public required DomainKind Kind { get; init; }

    /// <summary>In the order of <see cref="OutageMatrix.Capabilities"/>.</summary>
    public required ImmutableArray<CapabilityOutcome> Outcomes { get; init; }
}
