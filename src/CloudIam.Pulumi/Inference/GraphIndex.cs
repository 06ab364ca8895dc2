using System.Collections.Immutable;
using CloudIam.Pulumi.Graph;
using CloudIam.Pulumi.Hashing;
using CloudIam.Pulumi.Providers;

namespace CloudIam.Pulumi.Inference;

/// <summary>Lookups over a resource graph, built once so that inference stays linear in its size.</summary>
internal sealed class GraphIndex
{
    private readonly Dictionary<string, PulumiResource> _byUrn;

    /// <summary>Parent URN → provider URN of its first child that has one; built only if a component needs it.</summary>
    private readonly Lazy<Dictionary<string, string>> _childProviders;

    public GraphIndex(ResourceGraph graph, ProviderCatalog providers)
    {
        Providers = providers;
        _byUrn = new Dictionary<string, PulumiResource>(graph.Resources.Length, UrnComparer.Instance);
        foreach (var resource in graph.Resources)
        {
            _byUrn.TryAdd(resource.Urn, resource);
        }

        _childProviders = new Lazy<Dictionary<string, string>>(() => ChildProviders(graph), LazyThreadSafetyMode.None);
    }

    public ProviderCatalog Providers { get; }

    /// <summary>
    /// Whether a resource is part of the design. Pulumi's own resources run nowhere, and components
    /// (<c>custom: false</c>) only group their children — except a Helm v4 Chart, which carries the capability.
    /// </summary>
    public bool IsInDesign(PulumiResource resource) =>
        !resource.Type.StartsWith("pulumi:", StringComparison.Ordinal) && (resource.Custom || Providers.Is(resource.Type, ResourceRole.HelmChart));

    public PulumiResource? Find(string? urn) => urn is not null && _byUrn.TryGetValue(urn, out var resource) ? resource : null;

    public bool IsInDesign(string urn) => Find(urn) is { } resource && IsInDesign(resource);

    /// <summary>
    /// The provider resource that configures <paramref name="resource"/>: its own reference or, for a
    /// component such as a Helm v4 Chart (which records none), the one its children were created with.
    /// </summary>
    public PulumiResource? ProviderOf(PulumiResource resource) =>
        Find(resource.Provider ?? _childProviders.Value.GetValueOrDefault(resource.Urn)) is { IsProvider: true } provider ? provider : null;

    /// <summary>The URNs of the resources an input's value came from, by <c>propertyDependencies</c>.</summary>
    public static ImmutableArray<string> Sources(PulumiResource resource, string input) =>
        resource.PropertyDependencies.TryGetValue(input, out var urns) ? urns : [];

    private static Dictionary<string, string> ChildProviders(ResourceGraph graph)
    {
        var providers = new Dictionary<string, string>(UrnComparer.Instance);
        foreach (var resource in graph.Resources)
        {
            if (resource is { Parent: { } parent, Provider: { } provider })
            {
                providers.TryAdd(parent, provider);
            }
        }

        return providers;
    }
}
