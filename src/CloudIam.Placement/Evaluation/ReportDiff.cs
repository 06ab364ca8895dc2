using System.Collections.Immutable;
using CloudIam.Placement.Rules;

namespace CloudIam.Placement.Evaluation;

/// <summary>How placement changes between a base design and a head design (a merge request).</summary>
public sealed record ReportDiff
{
    public required ImmutableArray<CapabilityChange> Capabilities { get; init; }

    /// <summary>Violations the head has and the base did not (same rule, capability and domains).</summary>
    public required ImmutableArray<Violation> Introduced { get; init; }

    /// <summary>Violations the base had and the head fixes.</summary>
    public required ImmutableArray<Violation> Resolved { get; init; }

    /// <summary>The head adds a blocking violation or makes a critical capability less resilient.</summary>
    public bool IsRegression =>
        Introduced.Any(v => v.Severity == Severity.Error) || Capabilities.Any(c => c.Critical && c.LessResilient);

    public static ReportDiff Between(PolicyReport @base, PolicyReport head)
    {
        var names = @base.Capabilities.Select(c => c.Name).Union(head.Capabilities.Select(c => c.Name)).Order(StringComparer.Ordinal);
        return new ReportDiff
        {
            Capabilities = [.. names.Select(name => CapabilityChange.Of(
                name,
                @base.Capabilities.FirstOrDefault(c => c.Name == name),
                head.Capabilities.FirstOrDefault(c => c.Name == name)))],
            Introduced = [.. head.Violations.Where(v => !@base.Violations.Any(b => SameFinding(b, v)))],
            Resolved = [.. @base.Violations.Where(v => !head.Violations.Any(h => SameFinding(h, v)))],
        };
    }

    private static bool SameFinding(Violation a, Violation b) =>
        a.Rule == b.Rule && a.Capability == b.Capability && a.Domains.SequenceEqual(b.Domains);
}

public sealed record CapabilityChange
{
    public required string Name { get; init; }

    public required bool Critical { get; init; }

    public required ImmutableArray<string> ProvidersBefore { get; init; }

    public required ImmutableArray<string> ProvidersAfter { get; init; }

    public required int InstancesBefore { get; init; }

    public required int InstancesAfter { get; init; }

    public required int? DegreeBefore { get; init; }

    public required int? DegreeAfter { get; init; }

    public bool Changed =>
        !ProvidersBefore.SequenceEqual(ProvidersAfter) || InstancesBefore != InstancesAfter || DegreeBefore != DegreeAfter;

    /// <summary>A null degree means "beyond the search", which is the most resilient.</summary>
    public bool LessResilient => (DegreeAfter ?? int.MaxValue) < (DegreeBefore ?? int.MaxValue);

    internal static CapabilityChange Of(string name, CapabilitySummary? before, CapabilitySummary? after) => new()
    {
        Name = name,
        Critical = (after ?? before)!.Critical,
        ProvidersBefore = before?.Providers ?? [],
        ProvidersAfter = after?.Providers ?? [],
        InstancesBefore = before?.InstanceCount ?? 0,
        InstancesAfter = after?.InstanceCount ?? 0,
        DegreeBefore = before is null ? 0 : before.Resilience.Degree,
        DegreeAfter = after is null ? 0 : after.Resilience.Degree,
    };
}
