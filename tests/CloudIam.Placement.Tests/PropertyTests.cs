using System.Numerics;
using CloudIam.Placement.Analysis;
using CloudIam.Placement.Evaluation;
using CloudIam.Placement.Rules;
using CloudIam.Placement.Tests.Support;
using CsCheck;

namespace CloudIam.Placement.Tests;

/// <summary>Invariants over generated designs (CsCheck shrinks any counterexample to a small design).</summary>
public sealed class PropertyTests
{
    private const string Policy = """
        capabilities:
          metrics: { critical: true }
          logs: { critical: true, minHealthy: 2 }
          platform: {}
        """;

    private static readonly string[] Capabilities = ["metrics", "logs", "platform"];

    /// <summary>Where one generated resource runs: region, zone, network and Kubernetes all vary.</summary>
    private sealed record Spot(string Provider, int Region, int Zone, bool Network, bool Kubernetes)
    {
        public TestResource Place(TestResource resource)
        {
            var region = $"{Provider}-r{Region}";
            resource.On(Provider, region, $"{region}-{Zone}");
            if (Network)
            {
                resource.Network($"net-{region}");
            }

            return Kubernetes ? resource.Kubernetes() : resource;
        }
    }

    private static Gen<Spot> SpotOn(params string[] providers) =>
        Gen.Select(Gen.OneOf(providers), Gen.Int[0, 1], Gen.Int[1, 2], Gen.Bool, Gen.Bool, (p, r, z, n, k) => new Spot(p, r, z, n, k));

    private static readonly Gen<(Spot Spot, int Capability, int[] Dependencies)[]> Designs =
        Gen.Select(SpotOn("scaleway", "aws", "gcp"), Gen.Int[0, 2], Gen.Int[0, 7].Array[0, 2]).Array[1, 8];

    [Fact]
    public void A_critical_capability_on_one_provider_is_always_refused_with_PL001()
    {
        Gen.Select(Gen.OneOf("scaleway", "aws", "gcp"), Gen.Select(Gen.Int[0, 1], Gen.Int[1, 2], Gen.Bool, Gen.Bool).Array[1, 5])
            .Sample((provider, spots) =>
            {
                var design = new TestDesign();
                for (var i = 0; i < spots.Length; i++)
                {
                    var (region, zone, network, kubernetes) = spots[i];
                    design.Add($"prom-{i}", r => new Spot(provider, region, zone, network, kubernetes).Place(r.Capability("metrics")));
                }

                var report = PolicyEngine.Evaluate(Harness.Analyze(design, Policy), Harness.Today);
                Assert.Equal(Verdict.Fail, report.Verdict);
                var pl001 = Assert.Single(report.Violations, v => v.Rule == "PL001" && v.Capability == "metrics");
                Assert.Equal([provider], pl001.Domains.ToArray());
            });
    }

    [Fact]
    public void An_instance_on_a_new_provider_never_adds_a_PL001_or_PL002_violation()
    {
        Gen.Select(SpotOn("scaleway", "aws").Array[1, 5], SpotOn("gcp"), Gen.Int[1, 5])
            .Where((spots, _, minHealthy) => minHealthy <= spots.Length)
            .Sample((spots, added, minHealthy) =>
            {
                var policy = $"capabilities:\n  metrics: {{ critical: true, minHealthy: {minHealthy} }}\n";
                var before = new TestDesign();
                var after = new TestDesign();
                for (var i = 0; i < spots.Length; i++)
                {
                    var spot = spots[i];
                    before.Add($"prom-{i}", r => spot.Place(r.Capability("metrics")));
                    after.Add($"prom-{i}", r => spot.Place(r.Capability("metrics")));
                }

                after.Add("prom-new", r => added.Place(r.Capability("metrics")));

                Assert.True(Harness.Run(new PL001MinProviders(), after, policy).Length <= Harness.Run(new PL001MinProviders(), before, policy).Length);
                var earlier = Harness.Run(new PL002SingleDomainLoss(), before, policy).Select(v => string.Join(',', v.Domains)).ToHashSet();
                Assert.All(Harness.Run(new PL002SingleDomainLoss(), after, policy), v => Assert.Contains(string.Join(',', v.Domains), earlier));
            });
    }

    [Fact]
    public void An_outage_of_a_domain_never_leaves_up_an_instance_that_lives_in_it()
    {
        Gen.Select(Designs, Gen.Int[0, 1000]).Sample((resources, pick) =>
        {
            var design = new TestDesign();
            for (var i = 0; i < resources.Length; i++)
            {
                var (spot, capability, dependencies) = resources[i];

                // Only earlier resources: a Pulumi resource graph is acyclic.
                var earlier = dependencies.Where(d => d < i).Select(d => $"r{d}").ToArray();
                design.Add($"r{i}", r => spot.Place(r.Capability(Capabilities[capability]).DependsOn(earlier)));
            }

            var analysis = Harness.Analyze(design, Policy);
            var failed = analysis.Domains.All[pick % analysis.Domains.All.Length];
            var outage = analysis.Outage(failed);
            foreach (var capability in analysis.Capabilities.Values)
            {
                var untouched = capability.Instances.Count(i => !i.Domains.Contains(failed));
                Assert.Equal(untouched, analysis.Evaluate(capability.Name, outage).InstancesAfter);
                Assert.All(capability.Instances, i => Assert.Superset(i.OwnDomains.ToHashSet(), i.Domains.ToHashSet()));
            }

            AssertEffectiveDomainsAreTheDependencyClosure(analysis);
        });
    }

    // Recomputes effective domains naively (own domains of everything reachable) to cross-check the memoized walk.
    private static void AssertEffectiveDomainsAreTheDependencyClosure(DesignAnalysis analysis)
    {
        var byUrn = analysis.Design.Resources.ToDictionary(r => r.Urn);
        foreach (var instance in analysis.Capabilities.Values.SelectMany(c => c.Instances))
        {
            var expected = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>([instance.Urn]);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (pending.TryPop(out var urn))
            {
                if (!seen.Add(urn))
                {
                    continue;
                }

                var resource = byUrn[urn];
                expected.UnionWith(Harness.Services.DomainsOf(resource.Placement!).Select(d => d.Id));
                foreach (var dependency in resource.Dependencies)
                {
                    pending.Push(dependency);
                }
            }

            Assert.Equal(expected.Order(StringComparer.Ordinal), instance.Domains.Select(d => d.Id).Order(StringComparer.Ordinal));
        }
    }

    /// <summary>
    /// The pruned search against brute force over every set of up to three of eight domains, on random designs
    /// of up to 12 instances (one group each, so group merging is exercised by equal domain sets).
    /// </summary>
    [Fact]
    public void Hitting_set_search_finds_a_smallest_killing_set_as_brute_force_does() =>
        Gen.Select(Gen.Int[0, 7].Array[1, 4].Array[1, 12], Gen.Int[1, 12], Gen.Int[1, 3]).Sample((instances, needed, maxSize) =>
        {
            var groups = instances.Select(domains => new CapabilityAnalysis.InstanceGroup([.. domains.Distinct().Order()], 1, 1)).ToList();
            var need = Math.Min(needed, groups.Count);

            var found = new HittingSetSearch(groups, [.. Enumerable.Range(0, 8)], CapabilityAnalysis.GroupsByDomain(groups)).Find(need, maxSize);

            var smallest = Enumerable.Range(1, maxSize).Cast<int?>().FirstOrDefault(size => Enumerable.Range(0, 256)
                .Where(mask => BitOperations.PopCount((uint)mask) == size)
                .Any(mask => Killed(groups, [.. Enumerable.Range(0, 8).Where(d => (mask & (1 << d)) != 0)]) >= need));
            Assert.Equal(smallest, found?.Length);
            Assert.True(found is null || Killed(groups, found) >= need);
        });

    private static int Killed(List<CapabilityAnalysis.InstanceGroup> groups, int[] lost) =>
        groups.Where(group => group.Domains.Intersect(lost).Any()).Sum(group => group.Count);
}
