using System.Collections.Immutable;
using CloudIam.Placement.Analysis;
using CloudIam.Placement.Policy;
using CloudIam.Placement.Rules;

namespace CloudIam.Placement.Evaluation;

/// <summary>Runs every registered rule over an analysed design and applies the policy's suppressions.</summary>
public static class PolicyEngine
{
    public static PolicyReport Evaluate(DesignAnalysis analysis, DateOnly today)
    {
        var context = new RuleContext { Analysis = analysis, Today = today, Rules = RuleRegistry.All };
        var suppressions = analysis.Policy.Suppressions.Where(s => PL009SuppressionHygiene.IsValid(s, context)).ToList();

        var violations = ImmutableArray.CreateBuilder<Violation>();
        var suppressed = ImmutableArray.CreateBuilder<SuppressedViolation>();
        foreach (var violation in RuleRegistry.All.SelectMany(rule => rule.Check(context)).Order(ViolationOrder.Instance))
        {
            // The first matching suppression in file order is reported, so the output is stable.
            if (suppressions.FirstOrDefault(s => Matches(s, violation)) is { } suppression)
            {
                suppressed.Add(new SuppressedViolation { Violation = violation, By = suppression });
            }
            else
            {
                violations.Add(violation);
            }
        }

        return new PolicyReport
        {
            Verdict = violations.Any(v => v.Severity == Severity.Error) ? Verdict.Fail : Verdict.Pass,
            Capabilities = [.. analysis.Capabilities.Values.Select(c => Summarize(analysis, c))],
            Violations = violations.ToImmutable(),
            Suppressed = suppressed.ToImmutable(),
            UndeclaredCapabilities = analysis.UndeclaredCapabilities,
            Watched = analysis.Watchers.Describe(analysis.Outage()),
            TimesToTarget = [.. analysis.Design.AlertPaths.Where(path => !path.Steps.IsEmpty).Select(path => new TimeToTarget
            {
                Path = path,
                Budget = analysis.Policy.Budgets.TryGetValue(path.Target, out var budget) ? budget : null,
            })],
        };
    }

    private static bool Matches(Suppression suppression, Violation violation) =>
        suppression.Rule == violation.Rule && (suppression.Capability is null || suppression.Capability == violation.Capability);

    private static CapabilitySummary Summarize(DesignAnalysis analysis, CapabilityAnalysis capability) => new(() => ListInstances(capability))
    {
        Name = capability.Name,
        Critical = capability.Spec.Critical,
        Providers = capability.Providers,
        InstanceCount = capability.Instances.Length,
        Placements = Placements(capability, analysis.Domains),
        Resilience = analysis.Resilience(capability.Name),
    };

    /// <summary>
    /// Instances per provider and region with the domains they all share. Reads each distinct domain set once,
    /// so it costs one pass over the instances however many there are.
    /// </summary>
    private static ImmutableArray<PlacementSummary> Placements(CapabilityAnalysis capability, DomainTable table)
    {
        var byRegion = new Dictionary<(string Provider, string? Region), (int Count, int[] Shared)>();
        foreach (var instance in capability.Instances)
        {
            var key = (instance.Placement.Provider, instance.Placement.Region);
            var domains = instance.EffectiveDomainSet;
            byRegion[key] = byRegion.TryGetValue(key, out var known)
                ? (known.Count + 1, ReferenceEquals(known.Shared, domains) ? domains : [.. known.Shared.Intersect(domains)])
                : (1, domains);
        }

        return [.. byRegion
            .OrderBy(pair => pair.Key.Provider, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.Region, StringComparer.Ordinal)
            .Select(pair => new PlacementSummary
            {
                Provider = pair.Key.Provider,
                Region = pair.Key.Region,
                Instances = pair.Value.Count,
                SharedDomains = [.. pair.Value.Shared.Select(i => table[i].Id)],
            })];
    }

    private static ImmutableArray<InstanceSummary> ListInstances(CapabilityAnalysis capability) =>
    [
        .. capability.Instances
            .OrderBy(i => i.Urn, StringComparer.Ordinal)
            .Select(i => new InstanceSummary
            {
                Urn = i.Urn,
                Provider = i.Placement.Provider,
                Region = i.Placement.Region,
                Cluster = i.Resource.Cluster is { } cluster ? cluster[(cluster.LastIndexOf("::", StringComparison.Ordinal) + 2)..] : null,
                Domains = i.DomainIds,
            }),
    ];

    /// <summary>Rule, capability, domains (element by element), then message: ordinal throughout.</summary>
    private sealed class ViolationOrder : IComparer<Violation>
    {
        public static ViolationOrder Instance { get; } = new();

        public int Compare(Violation? x, Violation? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null || y is null)
            {
                return x is null ? -1 : 1;
            }

            var byRule = string.CompareOrdinal(x.Rule, y.Rule);
            if (byRule != 0)
            {
                return byRule;
            }

            var byCapability = string.CompareOrdinal(x.Capability, y.Capability);
            if (byCapability != 0)
            {
                return byCapability;
            }

            for (var i = 0; i < Math.Min(x.Domains.Length, y.Domains.Length); i++)
            {
                var byDomain = string.CompareOrdinal(x.Domains[i], y.Domains[i]);
                if (byDomain != 0)
                {
                    return byDomain;
                }
            }

            var byCount = x.Domains.Length.CompareTo(y.Domains.Length);
            return byCount != 0 ? byCount : string.CompareOrdinal(x.Message, y.Message);
        }
    }
}
