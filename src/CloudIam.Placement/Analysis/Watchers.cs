using System.Collections.Immutable;
using CloudIam.Placement.Design;
using CloudIam.Placement.Domains;

namespace CloudIam.Placement.Analysis;

/// <summary>
/// Who sees whom: for each instance of an observed capability (a customer deployment), the instances that
/// probe it and the alert paths that page about it. Read from the design's observer edges; a pair of
/// capabilities with no edge at all between them (a source that says nothing about probes) falls back to
/// the policy's <c>observes:</c>, every observer instance watching every observed one.
/// </summary>
public sealed class Watchers
{
    private readonly DesignAnalysis _analysis;
    private readonly ILookup<string, string> _observersByObserved;
    private readonly ILookup<string, AlertPath> _pathsByFrom;
    private readonly Dictionary<(string, string), bool> _edges = [];

    internal Watchers(DesignAnalysis analysis)
    {
        _analysis = analysis;
        _observersByObserved = analysis.Design.Observations.ToLookup(o => o.Observed, o => o.Observer, StringComparer.Ordinal);
        _pathsByFrom = analysis.Design.AlertPaths.ToLookup(p => p.From, StringComparer.Ordinal);
        Observed = [.. analysis.Capabilities.Values.SelectMany(c => c.Spec.Observes).Where(analysis.Capabilities.ContainsKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>Capabilities some other capability observes (<c>deployments</c>), by name.</summary>
    public ImmutableArray<string> Observed { get; }

    /// <summary>True when the design says how alerts reach people, so paging can be checked per observed instance.</summary>
    public bool PathsKnown => !_analysis.Design.AlertPaths.IsEmpty;

    /// <summary>Capabilities that declare they observe <paramref name="observed"/>.</summary>
    public IEnumerable<CapabilityAnalysis> ObserversOf(string observed) =>
        _analysis.Capabilities.Values.Where(c => c.Spec.Observes.Contains(observed));

    /// <summary>True when the design has at least one edge from an instance of one capability to one of the other.</summary>
    public bool HasEdges(CapabilityAnalysis observer, CapabilityAnalysis observed)
    {
        if (_analysis.Design.Observations.IsEmpty)
        {
            return false;
        }

        if (!_edges.TryGetValue((observer.Name, observed.Name), out var has))
        {
            var observers = observer.Instances.Select(i => i.Urn).ToHashSet(StringComparer.Ordinal);
            _edges[(observer.Name, observed.Name)] = has = observed.Instances.Any(o => _observersByObserved[o.Urn].Any(observers.Contains));
        }

        return has;
    }

    /// <summary>The instances of <paramref name="observer"/> that watch <paramref name="observed"/>, probed or assumed.</summary>
    public ImmutableArray<Instance> Watching(Instance observed, CapabilityAnalysis observer)
    {
        if (!HasEdges(observer, _analysis.Capabilities[observed.Capability]))
        {
            return observer.Instances;
        }

        var probing = _observersByObserved[observed.Urn].ToHashSet(StringComparer.Ordinal);
        return [.. observer.Instances.Where(i => probing.Contains(i.Urn))];
    }

    /// <summary>
    /// The alert paths that page about <paramref name="observed"/>: those raised by a resource that probes it,
    /// and those raised by an instance of a capability that observes its capability (an Alertmanager). A status
    /// page's path to the public tells the world, not the on-call, so it is not one of them.
    /// </summary>
    public ImmutableArray<AlertPath> PathsFor(Instance observed)
    {
        var observing = ObserversOf(observed.Capability).SelectMany(c => c.Instances).Select(i => i.Urn);
        return [.. _observersByObserved[observed.Urn].Concat(observing)
            .Distinct(StringComparer.Ordinal)
            .SelectMany(from => _pathsByFrom[from])
            .Where(path => path.Target == AlertTarget.Page)
            .Distinct()
            .OrderBy(p => p.Name, StringComparer.Ordinal)];
    }

    /// <summary>Domains of the given kinds that <paramref name="observed"/> and a resource (or every hop of a path) both live in.</summary>
    public ImmutableArray<FailureDomain> Shared(Instance observed, IEnumerable<string> urns, ImmutableArray<DomainKind> kinds)
    {
        var mine = observed.Domains.Where(d => kinds.Contains(d.Kind)).ToHashSet();
        return [.. urns.SelectMany(urn => _analysis.DomainsOf(urn)).Where(mine.Contains).Distinct().Order()];
    }

    /// <summary>True when the outage leaves every hop of the path up.</summary>
    public bool Survives(AlertPath path, OutageSet outage) => path.Through.All(urn => !_analysis.IsLost(urn, outage));

    /// <summary>
    /// Every observed instance, in capability then design order, as an outage leaves it; none when the design
    /// has no observer edges, since then it says nothing about who watches which instance.
    /// </summary>
    public ImmutableArray<WatchedInstance> Describe(OutageSet outage) => _analysis.Design.Observations.IsEmpty
        ? []
        : [.. Observed.SelectMany(name => _analysis.Capabilities[name].Instances).Select(instance => Describe(instance, outage))];

    private WatchedInstance Describe(Instance instance, OutageSet outage)
    {
        // Probes are what sees a deployment; capabilities that only page about it show up in PagedThrough.
        var observers = ObserversOf(instance.Capability).ToList();
        var probing = observers.Where(o => HasEdges(o, _analysis.Capabilities[instance.Capability])).ToList();
        return new WatchedInstance
        {
            Name = instance.Resource.Name,
            Capability = instance.Capability,
            Provider = instance.Placement.Provider,
            Region = instance.Placement.Region,
            Down = instance.IsLostIn(outage),
            SeenBy = [.. (probing.Count > 0 ? probing : observers)
                .SelectMany(observer => Watching(instance, observer).Where(i => !i.IsLostIn(outage)).Select(i => new Watcher(i.Resource.Name, observer.Name)))],
            PagedThrough = PathsKnown ? [.. PathsFor(instance).Where(path => Survives(path, outage)).Select(path => path.Name)] : null,
        };
    }
}

/// <summary>One observed instance in an outage (none, for <c>check</c>): whether it falls, who still sees and pages about it.</summary>
public sealed record WatchedInstance
{
    public required string Name { get; init; }

    public required string Capability { get; init; }

    public required string Provider { get; init; }

    public string? Region { get; init; }

    public required bool Down { get; init; }

    /// <summary>Observer instances that still probe or watch it, by capability then design order.</summary>
    public required ImmutableArray<Watcher> SeenBy { get; init; }

    /// <summary>Alert paths about it that the outage leaves whole; null when the design says nothing about paging.</summary>
    public required ImmutableArray<string>? PagedThrough { get; init; }
}

/// <summary>An observer instance and the capability it belongs to (<c>aws-par-gatus</c>, <c>status-page</c>).</summary>
public sealed record Watcher(string Name, string Capability);
