using System.Collections.Immutable;
using CloudIam.Placement.Design;
using CloudIam.Placement.Domains;

namespace CloudIam.Placement.Analysis;

/// <summary>
/// A resource is lost when any domain it lives in fails or when anything it depends on is lost,
/// so its effective domains are the union over its dependency closure. Computed lazily and memoized,
/// only for the resources that are instances, with an explicit stack so deep chains cannot overflow.
/// One exception: a regional resource (a region but no zone, such as an EKS cluster over subnets in
/// two zones) is spread over zones by its provider, so the zones of what it depends on do not pass to it.
/// </summary>
internal sealed class EffectiveDomains(
    ImmutableArray<DesignResource> resources,
    IReadOnlyDictionary<string, int> indexByUrn,
    int[][] ownDomains,
    DomainSetInterner interner,
    DomainTable table)
{
    private readonly int[]?[] _effective = new int[resources.Length][];
    private readonly bool[] _onStack = new bool[resources.Length];

    // Domain sets are interned and shared by whole clusters, so each set loses its zones once.
    private readonly Dictionary<int[], int[]> _withoutZones = new(ReferenceEqualityComparer.Instance);

    public int[] Of(int resource)
    {
        if (_effective[resource] is { } known)
        {
            return known;
        }

        var stack = new Stack<(int Resource, int NextDependency)>();
        stack.Push((resource, 0));
        _onStack[resource] = true;
        while (stack.TryPop(out var frame))
        {
            var dependencies = resources[frame.Resource].Dependencies;
            var next = frame.NextDependency;
            while (next < dependencies.Length && !NeedsVisit(dependencies[next]))
            {
                next++;
            }

            if (next < dependencies.Length)
            {
                var dependency = indexByUrn[dependencies[next]];
                stack.Push((frame.Resource, next + 1));
                stack.Push((dependency, 0));
                _onStack[dependency] = true;
                continue;
            }

            // A dependency cycle contributes what is known so far instead of recursing forever.
            var union = ownDomains[frame.Resource];
            foreach (var urn in dependencies)
            {
                if (indexByUrn.TryGetValue(urn, out var d) && _effective[d] is { } dependencyDomains)
                {
                    union = interner.Union(union, IsRegional(frame.Resource) ? WithoutZones(dependencyDomains) : dependencyDomains);
                }
            }

            _effective[frame.Resource] = union;
            _onStack[frame.Resource] = false;
        }

        return _effective[resource]!;
    }

    private bool IsRegional(int resource) => resources[resource].Placement is { Region: not null, Zone: null };

    private int[] WithoutZones(int[] domains)
    {
        if (!_withoutZones.TryGetValue(domains, out var regional))
        {
            _withoutZones[domains] = regional = domains.Any(i => table[i].Kind == DomainKind.Zone)
                ? interner.Intern([.. domains.Where(i => table[i].Kind != DomainKind.Zone)])
                : domains;
        }

        return regional;
    }

    private bool NeedsVisit(string urn) =>
        indexByUrn.TryGetValue(urn, out var index) && _effective[index] is null && !_onStack[index];
}
