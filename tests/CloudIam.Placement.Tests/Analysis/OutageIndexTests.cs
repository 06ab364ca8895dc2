using CloudIam.Placement.Analysis;
using CloudIam.Placement.Rules;
using CloudIam.Placement.Tests.Support;
using CsCheck;

namespace CloudIam.Placement.Tests.Analysis;

/// <summary>
/// The outage arithmetic reads a domain → instance-groups index instead of testing every group against
/// every failed domain. These compare it, on generated designs, with the direct definitions it replaced:
/// equal counts, bit-identical capacities, the same sweep groups and the same search candidates.
/// </summary>
public sealed class OutageIndexTests
{
    private const string Policy = """
        capabilities:
          runners: { critical: true, capacity: { property: values.concurrent, minAfterLoss: 1 } }
          logs: { critical: true, minHealthy: 2 }
          platform: { dependsOn: [logs] }
        """;

    private static readonly string[] Capabilities = ["runners", "logs", "platform"];

    // Fractions exercise the ordered summation of survivors, whole numbers the exact subtraction from the total.
    private static readonly double[] Capacities = [1, 2, 5, 0.1, 0.2, 0.7];

    private static readonly Gen<TestDesign> Designs =
        Gen.Select(
            Gen.Select(Gen.OneOf("scaleway", "aws", "gcp"), Gen.Int[0, 2], Gen.Int[1, 2], Gen.Bool, Gen.Bool),
            Gen.Int[0, 2],
            Gen.Int[0, 19].Array[0, 2],
            Gen.Int[0, Capacities.Length - 1])
        .Array[1, 20]
        .Select(Gen.Bool, (resources, wholeOnly) =>
        {
            var design = new TestDesign();
            for (var i = 0; i < resources.Length; i++)
            {
                var ((provider, region, zone, network, kubernetes), capability, dependencies, capacity) = resources[i];
                var earlier = dependencies.Where(d => d < i).Select(d => $"r{d}").ToArray();
                var value = wholeOnly ? Math.Ceiling(Capacities[capacity]) : Capacities[capacity];
                design.Add($"r{i}", r =>
                {
                    r.Capability(Capabilities[capability]).DependsOn(earlier).Property("values.concurrent", value)
                        .On(provider, $"{provider}-r{region}", $"{provider}-r{region}-{zone}");
                    if (network)
                    {
                        r.Network($"net-{provider}-r{region}");
                    }

                    return kubernetes ? r.Kubernetes() : r;
                });
            }

            return design;
        });

    [Fact]
    public void Survivors_of_any_outage_are_what_testing_every_instance_gives()
    {
        Gen.Select(Designs, Gen.Int[0, 1000].Array[1, 3]).Sample((design, picks) =>
        {
            var analysis = Harness.Analyze(design, Policy);
            var outage = analysis.Outage([.. picks.Select(p => analysis.Domains.All[p % analysis.Domains.All.Length])]);
            foreach (var capability in analysis.Capabilities.Values)
            {
                // The definition: instances grouped by domain set in design order, surviving groups summed in that order.
                var surviving = capability.Instances
                    .GroupBy(i => i.EffectiveDomainSet, ReferenceEqualityComparer.Instance)
                    .Select(g => (Lost: g.First().IsLostIn(outage), Count: g.Count(), Capacity: g.Sum(i => i.Capacity)))
                    .Where(g => !g.Lost)
                    .ToList();
                var capacity = 0.0;
                foreach (var group in surviving)
                {
                    capacity += group.Capacity;
                }

                var outcome = analysis.Evaluate(capability.Name, outage);
                Assert.Equal(surviving.Sum(g => g.Count), outcome.InstancesAfter);
                Assert.Equal(BitConverter.DoubleToInt64Bits(capacity), BitConverter.DoubleToInt64Bits(outcome.CapacityAfter));
                Assert.Equal(capability.Instances.Where(i => i.IsLostIn(outage)).Select(i => i.Urn), capability.Instances.Where(i => IsInLostGroup(capability, outage, i)).Select(i => i.Urn));
            }
        });
    }

    [Fact]
    public void The_sweep_groups_domains_that_take_down_the_same_instances()
    {
        Designs.Sample(design =>
        {
            var analysis = Harness.Analyze(design, Policy);
            var context = new RuleContext { Analysis = analysis, Today = Harness.Today, Rules = RuleRegistry.All };
            foreach (var capability in analysis.Capabilities.Values)
            {
                var kinds = context.SurviveKinds(capability.Spec);
                var expected = analysis.Domains.All
                    .Where(d => kinds.Contains(d.Kind) && capability.Instances.Any(i => i.Domains.Contains(d)))
                    .GroupBy(d => string.Join(' ', capability.Instances.Where(i => i.IsLostIn(analysis.Outage(d))).Select(i => i.Urn)))
                    .Select(g => string.Join(',', g.Select(d => d.Id)));

                Assert.Equal(expected, context.SingleDomainLosses(capability.Spec, [capability.Name]).Select(loss => string.Join(',', loss.Ids)));
            }
        });
    }

    /// <summary>
    /// Pruning by each domain's kill list keeps exactly the candidates of the definition: the broadest domain of
    /// each distinct kill set, minus those whose kills are a strict subset of another's.
    /// </summary>
    [Fact]
    public void The_search_keeps_the_candidates_the_pruning_rule_defines() =>
        Gen.Int[0, 9].Array[1, 4].Array[1, 16].Sample(instances =>
        {
            var groups = instances.Select(domains => new CapabilityAnalysis.InstanceGroup([.. domains.Distinct().Order()], domains.Length, 1)).ToList();
            var kills = Enumerable.Range(0, 10).ToDictionary(d => d, d => Enumerable.Range(0, groups.Count).Where(g => groups[g].Domains.Contains(d)).ToHashSet());

            var distinct = Enumerable.Range(0, 10).Where(d => kills[d].Count > 0).DistinctBy(d => string.Join(',', kills[d])).ToList();
            var expected = distinct
                .Where(d => !distinct.Any(other => kills[d].IsProperSubsetOf(kills[other])))
                .OrderByDescending(d => kills[d].Sum(g => groups[g].Count))
                .ThenBy(d => d);

            var search = new HittingSetSearch(groups, [.. Enumerable.Range(0, 10)], CapabilityAnalysis.GroupsByDomain(groups));
            Assert.Equal(expected, search.CandidateDomains);
        });

    private static bool IsInLostGroup(CapabilityAnalysis capability, OutageSet outage, Instance instance)
    {
        var lost = capability.LostGroups(outage);
        var groups = capability.Instances.Select(i => i.EffectiveDomainSet).Distinct(ReferenceEqualityComparer.Instance).ToList();
        return lost.Contains(groups.IndexOf(instance.EffectiveDomainSet));
    }
}
