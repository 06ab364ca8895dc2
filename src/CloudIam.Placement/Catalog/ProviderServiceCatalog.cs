using System.Collections.Immutable;
using CloudIam.Placement.Design;
using CloudIam.Placement.Domains;
using YamlDotNet.RepresentationModel;

namespace CloudIam.Placement.Catalog;

/// <summary>
/// Turns a resource's placement into the failure domains it lives in, including the
/// provider-internal services (kept as data in <c>provider-services.yaml</c>) it silently depends on.
/// Providers absent from the catalog still get provider, region, zone and network domains.
/// </summary>
public sealed class ProviderServiceCatalog
{
    private const string ResourceName = "provider-services.yaml";

    private readonly ImmutableSortedDictionary<string, ImmutableArray<ProviderService>> _services;

    public ProviderServiceCatalog(ImmutableSortedDictionary<string, ImmutableArray<ProviderService>> services) =>
        _services = services;

    public static ProviderServiceCatalog Default { get; } = LoadEmbedded();

    public IEnumerable<string> Providers => _services.Keys;

    public ImmutableArray<ProviderService> ServicesOf(string provider) =>
        _services.TryGetValue(provider, out var services) ? services : [];

    /// <summary>Every domain whose failure takes the placed resource down, sorted broadest first.</summary>
    public ImmutableArray<FailureDomain> DomainsOf(ResourcePlacement placement)
    {
        var provider = placement.Provider;
        var domains = new SortedSet<FailureDomain> { FailureDomain.ForProvider(provider) };
        if (placement.Region is { } region)
        {
            domains.Add(FailureDomain.ForRegion(provider, region));
            foreach (var network in placement.Networks)
            {
                domains.Add(FailureDomain.ForNetwork(provider, region, network));
            }
        }

        if (placement.Zone is { } zone)
        {
            domains.Add(FailureDomain.ForZone(provider, zone));
        }

        foreach (var service in ServicesOf(provider).Where(s => Uses(placement, s.UsedBy)))
        {
            if (service.Scope == ServiceScope.Global)
            {
                domains.Add(FailureDomain.ForGlobalService(provider, service.Name));
            }
            else if (placement.Region is { } serviceRegion)
            {
                domains.Add(FailureDomain.ForRegionalService(provider, serviceRegion, service.Name));
            }
        }

        return [.. domains];
    }

    private static bool Uses(ResourcePlacement placement, ServiceUsage usage) => usage switch
    {
        ServiceUsage.All => true,
        ServiceUsage.PrivateNetwork => !placement.Networks.IsEmpty,
        ServiceUsage.Kubernetes => placement.OnManagedKubernetes,
        _ => false,
    };

    private static ProviderServiceCatalog LoadEmbedded()
    {
        using var stream = typeof(ProviderServiceCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from the build");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), ResourceName);
    }

    private static ProviderServiceCatalog Parse(string yaml, string source)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var providers = (YamlMappingNode)root.Children[new YamlScalarNode("providers")];
        var builder = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<ProviderService>>(StringComparer.Ordinal);
        foreach (var (key, value) in providers.Children)
        {
            var services = ((YamlSequenceNode)value).Children.Cast<YamlMappingNode>().Select(node => new ProviderService
            {
                Name = Scalar(node, "name", source),
                Scope = Scalar(node, "scope", source) == "global" ? ServiceScope.Global : ServiceScope.Regional,
                UsedBy = Scalar(node, "usedBy", source) switch
                {
                    "all" => ServiceUsage.All,
                    "private-network" => ServiceUsage.PrivateNetwork,
                    "kubernetes" => ServiceUsage.Kubernetes,
                    var other => throw new BadInputException(source, $"line {node.Start.Line}", $"unknown usedBy '{other}'"),
                },
                Description = Scalar(node, "description", source),
            });
            builder[((YamlScalarNode)key).Value!] = [.. services];
        }

        return new ProviderServiceCatalog(builder.ToImmutable());
    }

    private static string Scalar(YamlMappingNode node, string key, string source) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { } text }
            ? text
            : throw new BadInputException(source, $"line {node.Start.Line}, column {node.Start.Column}", $"missing '{key}'");
}
