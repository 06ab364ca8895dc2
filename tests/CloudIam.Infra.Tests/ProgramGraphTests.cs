using CloudIam.Pulumi.Graph;
using CloudIam.Pulumi.Inference;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Tests;

/// <summary>The signals placement inference reads, on the graph Pulumi would record for prod.</summary>
public class ProgramGraphTests
{
    private const string Prefix = "urn:pulumi:prod::cloudiam-infra::";

    private static readonly ResourceGraph Graph = ProgramGraph.From(Repository.Program("prod"), "prod");

    [Theory]
    [InlineData("scw-par", "scaleway:kubernetes/cluster:Cluster")]
    [InlineData("aws-par", "aws:eks/cluster:Cluster")]
    public void Each_kubernetes_provider_leads_to_its_cluster_through_the_kubeconfig(string site, string clusterType)
    {
        var provider = Resource($"{site}-kubernetes");
        var cluster = Resource($"{site}-cluster");

        Assert.Equal(clusterType, cluster.Type);
        Assert.Equal(cluster.Urn, Assert.Single(provider.PropertyDependencies["kubeconfig"]));
        Assert.Equal($"{Prefix}{clusterType}$pulumi:providers:kubernetes::{site}-kubernetes", provider.Urn);
    }

    [Fact]
    public void Helm_releases_use_the_kubernetes_provider_and_carry_their_capability()
    {
        var release = Resource("aws-par-alertmanager");

        Assert.Equal(
            $"{Prefix}aws:eks/cluster:Cluster$kubernetes:core/v1:Namespace$kubernetes:helm.sh/v3:Release::aws-par-alertmanager", release.Urn);
        Assert.Equal(Resource("aws-par-kubernetes").Urn, release.Provider);
        Assert.Equal(Resource("aws-par-observability").Urn, release.Parent);
        // The Alertmanager chart has no common labels: the capability sits where it reads pod labels.
        Assert.Equal("alerting", Label(release.Inputs.Get("values.podLabels")));
        Assert.Equal(new StringValue("/etc/alertmanager/webhooks/oncall"), release.Inputs.Get("values.config.receivers.0.webhook_configs.0.url_file"));
        Assert.Equal(PropertyValue.Secret, Resource("aws-par-alertmanager-webhooks").Inputs.Get("stringData.oncall"));
        Assert.True(Resource("scw-par-gitlab-runner").Inputs.TryGetNumber("values.concurrent", out var concurrent) && concurrent == 10);
    }

    [Fact]
    public void Networks_and_regions_are_visible_where_inference_looks()
    {
        Assert.Equal(Resource("scw-par-private-network").Urn, Assert.Single(Resource("scw-par-cluster").PropertyDependencies["privateNetworkId"]));
        Assert.Equal("fr-par", Resource("scw-par-cluster").Inputs.GetString("region"));
        var eks = Resource("aws-par-cluster");
        // The private subnets, and the NAT addresses the API allow-list admits.
        Assert.Equal(4, eks.PropertyDependencies["vpcConfig"].Length);
        Assert.Equal(2, eks.PropertyDependencies["vpcConfig"].Count(urn => urn.Contains("aws:ec2/vpc:Vpc$aws:ec2/subnet:Subnet::aws-par-private-subnet-", StringComparison.Ordinal)));
        Assert.Equal("eu-west-3", Graph.Resources.Single(resource => resource.Urn == eks.Provider).Inputs.GetString("region"));
        Assert.Equal("eu-west-3a", Resource("aws-par-subnet-eu-west-3a").Inputs.GetString("availabilityZone"));
    }

    [Fact]
    public void Tags_carry_the_capability_in_each_providers_shape()
    {
        Assert.Equal("platform", Tag(Resource("aws-par-cluster")));
        Assert.Equal("cloudiam.io/capability=platform", Resource("scw-par-cluster").Inputs.GetString("tags.0"));
        Assert.Equal("platform", Tag(Resource("scw-par-bucket")));
    }

    [Fact]
    public void Every_custom_resource_has_an_explicit_provider_of_its_package()
    {
        Assert.All(Graph.Resources.Where(resource => resource.Custom && !resource.IsProvider), resource =>
        {
            var provider = Graph.Resources.Single(candidate => candidate.Urn == resource.Provider);
            Assert.Equal($"pulumi:providers:{resource.Package}", provider.Type);
            Assert.DoesNotContain("::default", provider.Urn, StringComparison.Ordinal);
        });
    }

    private static string? Tag(PulumiResource resource) => Label(resource.Inputs.Get("tags"));

    /// <summary>The capability in a tag or label map; its key has dots, so a dotted path cannot reach it.</summary>
    private static string? Label(PropertyValue? map) =>
        (map as MapValue)?.Items.GetValueOrDefault(CapabilityTag.Key) is StringValue value ? value.Value : null;

    private static PulumiResource Resource(string name) => Graph.Resources.Single(resource => resource.Name == name);
}
