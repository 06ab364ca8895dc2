using System.Collections.Immutable;
using CloudIam.Placement.Design;

namespace CloudIam.Placement.Tests.Support;

/// <summary>
/// Builds <see cref="PlacementDesign"/>s for tests, resource by resource:
/// <code>new TestDesign().Add("prom-scw", r => r.Capability("metrics").OnScaleway()).Build()</code>
/// Dependencies are given by resource name and become URNs.
/// </summary>
internal sealed class TestDesign
{
    private readonly List<TestResource> _resources = [];
    private readonly List<Observation> _observations = [];
    private readonly List<AlertPath> _paths = [];

    public static string UrnOf(string name, string type = TestResource.DefaultType) =>
        $"urn:pulumi:test::cloudiam-infra::{type}::{name}";

    public TestDesign Add(string name, Func<TestResource, TestResource>? configure = null)
    {
        var resource = new TestResource(name);
        _resources.Add(configure is null ? resource : configure(resource));
        return this;
    }

    /// <summary>An observer edge: <paramref name="observer"/> probes <paramref name="observed"/>.</summary>
    public TestDesign Probe(string observer, string observed)
    {
        _observations.Add(new Observation { Observer = UrnOf(observer), Observed = UrnOf(observed) });
        return this;
    }

    /// <summary>An alert path raised by <paramref name="from"/> through the other hops.</summary>
    public TestDesign Pages(string from, params string[] through)
    {
        _paths.Add(new AlertPath
        {
            From = UrnOf(from),
            Name = string.Join(" -> ", [from, .. through]),
            Through = [UrnOf(from), .. through.Select(t => UrnOf(t))],
            Target = AlertTarget.Page,
            Capability = "alerting",
        });
        return this;
    }

    public PlacementDesign Build() => new()
    {
        Source = "test design",
        Resources = [.. _resources.Select(r => r.Build())],
        Observations = [.. _observations],
        AlertPaths = [.. _paths],
    };
}

/// <summary>One resource of a <see cref="TestDesign"/>; every method returns the same builder.</summary>
internal sealed class TestResource(string name)
{
    public const string DefaultType = "test:index:Resource";

    private readonly List<string> _dependencies = [];
    private readonly List<string> _networks = [];
    private readonly Dictionary<string, double> _properties = new(StringComparer.Ordinal);
    private string? _capability;
    private string? _publicHost;
    private string? _provider;
    private string? _region;
    private string? _zone;
    private bool _kubernetes;
    private string _type = DefaultType;

    public TestResource On(string provider, string? region = null, string? zone = null)
    {
        _provider = provider;
        _region = region;
        _zone = zone;
        return this;
    }

    /// <summary>Like the program's Scaleway side: fr-par, on the tooling private network, on Kapsule.</summary>
    public TestResource OnScaleway(string zone = "fr-par-1") => On("scaleway", "fr-par", zone).Network("pn-tooling").Kubernetes();

    /// <summary>Like the program's AWS side: eu-west-3, in the tooling VPC, on EKS.</summary>
    public TestResource OnAws(string zone = "eu-west-3a") => On("aws", "eu-west-3", zone).Network("vpc-tooling").Kubernetes();

    public TestResource Network(params string[] networks)
    {
        _networks.AddRange(networks);
        return this;
    }

    public TestResource Kubernetes()
    {
        _kubernetes = true;
        return this;
    }

    public TestResource Capability(string capability)
    {
        _capability = capability;
        return this;
    }

    public TestResource Type(string type)
    {
        _type = type;
        return this;
    }

    /// <summary>Makes the resource a public DNS record of <paramref name="host"/>.</summary>
    public TestResource PublicHost(string host)
    {
        _publicHost = host;
        return this;
    }

    public TestResource DependsOn(params string[] names)
    {
        _dependencies.AddRange(names);
        return this;
    }

    public TestResource Property(string dottedPath, double value)
    {
        _properties[dottedPath] = value;
        return this;
    }

    public DesignResource Build() => new()
    {
        Urn = TestDesign.UrnOf(name, _type),
        Type = _type,
        Name = name,
        Capability = _capability,
        PublicHost = _publicHost,
        Placement = _provider is null
            ? null
            : new ResourcePlacement { Provider = _provider, Region = _region, Zone = _zone, Networks = [.. _networks], OnManagedKubernetes = _kubernetes },
        Dependencies = [.. _dependencies.Select(d => TestDesign.UrnOf(d))],
        Properties = new MapProperties(_properties.ToImmutableDictionary(StringComparer.Ordinal)),
    };
}

/// <summary>Resource inputs as a flat map of dotted paths to numbers.</summary>
internal sealed class MapProperties(ImmutableDictionary<string, double> values) : IPropertyLookup
{
    public bool TryGetNumber(string dottedPath, out double value) => values.TryGetValue(dottedPath, out value);
}
