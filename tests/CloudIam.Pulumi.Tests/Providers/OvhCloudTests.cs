using CloudIam.Placement.Design;
using CloudIam.Pulumi.Inference;
using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.State;

namespace CloudIam.Pulumi.Tests.Providers;

/// <summary>
/// OVHcloud is known from <c>Providers/ovhcloud.yaml</c> alone: a Scaleway site beside an OVHcloud Managed
/// Kubernetes site (tokens and inputs of @ovhcloud/pulumi-ovh 2.12) is placed down to network and services.
/// </summary>
public sealed class OvhCloudTests
{
    private const string Export = "exports/scaleway-ovh-kubernetes.json";

    private static readonly ProviderCatalog Shipped = ProviderCatalog.Shipped;

    private static readonly PlacementDesign Design = PlacementInference.Infer(StackExportReader.Parse(Fixtures.Bytes(Export), Export), Shipped);

    [Theory]
    [InlineData("ovh:CloudProject/kube:Kube", ResourceRole.Cluster)]
    [InlineData("ovh:CloudProject/kubeNodePool:KubeNodePool", ResourceRole.NodePool)]
    [InlineData("ovh:CloudProject/networkPrivate:NetworkPrivate", ResourceRole.PrivateNetwork)]
    [InlineData("ovh:CloudProject/networkPrivateSubnet:NetworkPrivateSubnet", ResourceRole.Subnet)]
    [InlineData("ovh:CloudProject/storage:Storage", ResourceRole.Bucket)]
    [InlineData("ovh:CloudProject/kubeIpRestrictions:KubeIpRestrictions", ResourceRole.ApiAccessList)]
    public void The_shipped_ovhcloud_file_gives_the_sdk_tokens_their_roles(string type, ResourceRole role)
    {
        Assert.Equal("ovh", Shipped.OfType(type)?.Name);
        Assert.Equal(role, Shipped.RoleOf(type));
    }

    [Fact]
    public void Places_the_managed_kubernetes_cluster_on_its_region_and_vrack_network()
    {
        var cluster = Design.Named("ovh-gra-cluster").Placement!;
        var pool = Design.Named("ovh-gra-pool").Placement!;

        Assert.Equal(("ovh", "GRA11", true), (cluster.Provider, cluster.Region, cluster.OnManagedKubernetes));
        Assert.Equal(["ovh-gra-pn"], cluster.Networks.ToArray());
        // A pool names only its cluster (kubeId): it shares the cluster's network, not its region input.
        Assert.Equal(("ovh", true), (pool.Provider, pool.OnManagedKubernetes));
        Assert.Equal(["ovh-gra-pn"], pool.Networks.ToArray());
        Assert.Equal(["ovh-gra-pn"], Design.Named("ovh-gra-subnet").Placement!.Networks.ToArray());
        Assert.Equal(("ovh", "GRA"), (Design.Named("ovh-gra-logs-bucket").Placement?.Provider, Design.Named("ovh-gra-logs-bucket").Placement?.Region));
    }

    [Fact]
    public void Workloads_on_the_ovhcloud_cluster_depend_on_its_private_network_and_provider_services()
    {
        var metrics = Design.Named("ovh-gra-metrics");

        Assert.Equal("metrics", metrics.Capability);
        Assert.Contains(Fixtures.Prefix + "cloudiam:infra:OvhSite$ovh:CloudProject/kube:Kube::ovh-gra-cluster", metrics.Dependencies);
        Assert.Equal(
            ["ovh", "ovh/GRA11", "ovh/GRA11/net:ovh-gra-pn", "ovh/GRA11/svc:dhcp", "ovh/GRA11/svc:dns", "ovh/GRA11/svc:mks-control-plane"],
            Shipped.Services.DomainsOf(metrics.Placement!).Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_scaleway_site_beside_it_keeps_its_own_domains()
    {
        var metrics = Design.Named("scw-a-metrics").Placement!;

        Assert.Equal(("scaleway", "fr-par"), (metrics.Provider, metrics.Region));
        Assert.DoesNotContain(Shipped.Services.DomainsOf(metrics), d => d.Id.StartsWith("ovh", StringComparison.Ordinal));
        Assert.Contains(Shipped.Services.DomainsOf(metrics), d => d.Id == "scaleway/fr-par/svc:dhcp");
    }

    [Fact]
    public void Without_the_ovhcloud_file_the_same_export_is_placed_on_provider_and_region_only()
    {
        var withoutOvh = ProviderCatalog.Of(Shipped.Providers.Where(p => p.Name != "ovh"));
        var design = PlacementInference.Infer(StackExportReader.Parse(Fixtures.Bytes(Export), Export), withoutOvh);

        var metrics = design.Named("ovh-gra-metrics").Placement!;

        Assert.Equal(("ovh", "GRA11"), (metrics.Provider, metrics.Region));
        Assert.Empty(metrics.Networks);
        Assert.Equal(["ovh", "ovh/GRA11"], withoutOvh.Services.DomainsOf(metrics).Select(d => d.Id).Order(StringComparer.Ordinal));
    }
}
