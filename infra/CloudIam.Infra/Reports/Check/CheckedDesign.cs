using System.Collections.Immutable;
using CloudIam.Infra.Security;
using CloudIam.Placement.Analysis;
using CloudIam.Placement.Domains;
using CloudIam.Placement.Evaluation;
using CloudIam.Placement.Simulation;

namespace CloudIam.Infra.Reports.Check;

/// <summary>A policy verdict with the design it was reached on, which is what every check format renders.</summary>
public sealed record CheckedDesign
{
    public required PolicyReport Report { get; init; }

    /// <summary>The stacks, exports and previews the design was read from, in command-line order.</summary>
    public required ImmutableArray<string> Sources { get; init; }

    /// <summary>Built only by the formats that show it (HTML): the other formats do not pay for it.</summary>
    public required Lazy<OutageMatrix> Outages { get; init; }

    /// <summary>The security baseline's findings on the compiled programs; null when no source was a stack.</summary>
    public ImmutableArray<SecurityFinding>? SecurityFindings { get; init; }

    /// <summary>The file CI annotations point at: the first source.</summary>
    public string Location => Sources.IsEmpty ? "" : Sources[0];

    public static CheckedDesign Of(DesignAnalysis analysis, PolicyReport report, IEnumerable<string> sources, ImmutableArray<SecurityFinding>? securityFindings = null) => new()
    {
        Report = report,
        Sources = [.. sources],
        SecurityFindings = securityFindings,
        Outages = new Lazy<OutageMatrix>(() => OutageMatrix.Build(analysis, DomainKind.Provider, DomainKind.Region, DomainKind.Service)),
    };
}
