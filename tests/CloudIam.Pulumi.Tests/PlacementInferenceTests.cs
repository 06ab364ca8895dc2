using CloudIam.Placement.Design;
using CloudIam.Pulumi.Inference;
using CloudIam.Pulumi.Preview;
using CloudIam.Pulumi.State;

namespace CloudIam.Pulumi.Tests;

public sealed class PlacementInferenceTests
{
    private const string ScwCluster = Fixtures.Prefix + "cloudiam:infra:ScalewaySite$scaleway:kubernetes/cluster:Cluster::scw-cluster";
    private const string AwsCluster = Fixtures.Prefix + "cloudiam:infra:AwsSite$aws:eks/cluster:Cluster::aws-cluster";

    private static readonly PlacementDesign Healthy = Infer(Fixtures.Healthy);
    private static readonly PlacementDesign ScalewayOnly = Infer(Fixtures.ScalewayOnly);
    private static readonly PlacementDesign AwsOnly = Infer(Fixtures.AwsOnly);

    [Fact]
    public void Leaves_out_providers_the_root_stack_and_components_in_graph_order()
    {
        var graph = StackExportReader.Read(Fixtures.PathOf(Fixtures.Healthy));

        Assert.Equal(Fixtures.PathOf(Fixtures.Healthy), Healthy.Source);
        Assert.Equal(
            graph.Resources.Where(r => r.Custom && !r.Type.StartsWith("pulumi:", StringComparison.Ordinal)).Select(r => r.Urn),
            Healthy.Resources.Select(r => r.Urn));
        Assert.Equal(39, Healthy.Resources.Length);
    }

    [Fact]
    public void Places_cloud_resources_on_the_package_of_their_type()
    {
        Assert.Equal("scaleway", Healthy.Named("scw-logs-bucket").Placement?.Provider);
        Assert.Equal("aws", Healthy.Named("aws-logs-bucket").Placement?.Provider);
        Assert.Equal("aws", Healthy.Named("aws-cluster-role").Placement?.Provider);
    }

    [Fact]
    public void Dns_records_publish_their_host_from_the_provider_that_serves_them()
    {
        Assert.Equal(("status.cloud-iam.com", "scaleway"), (Healthy.Named("status-scaleway-dns").PublicHost, Healthy.Named("status-scaleway-dns").Placement?.Provider));
        Assert.Equal(("status.cloud-iam.com", "aws"), (Healthy.Named("status-route53-primary").PublicHost, Healthy.Named("status-route53-primary").Placement?.Provider));
        Assert.All(Healthy.Resources.Where(r => !r.Name.StartsWith("status-", StringComparison.Ordinal)), r => Assert.Null(r.PublicHost));
        // DNS is global: a region's outage does not take a record down, only its DNS provider's.
        Assert.Null(Healthy.Named("status-scaleway-dns").Placement?.Region);
    }

    [Fact]
    public void Before_a_record_exists_its_host_comes_from_its_name_and_zone()
    {
        var design = InferInline(
            """{"urn": "urn:pulumi:prod::p::scaleway:domain/record:Record::apex", "custom": true, "type": "scaleway:domain/record:Record", "inputs": {"dnsZone": "Cloud-IAM.com", "name": "", "type": "A", "data": "192.0.2.1"}}""",
            """{"urn": "urn:pulumi:prod::p::scaleway:domain/record:Record::grafana", "custom": true, "type": "scaleway:domain/record:Record", "inputs": {"dnsZone": "scw.cloud-iam.com", "name": "grafana", "type": "A", "data": "192.0.2.1"}}""",
            """{"urn": "urn:pulumi:prod::p::aws:route53/record:Record::status", "custom": true, "type": "aws:route53/record:Record", "inputs": {"zoneId": "Z1", "name": "status.cloud-iam.com.", "type": "A"}}""",
            """{"urn": "urn:pulumi:prod::p::aws:route53/zone:Zone::zone", "custom": true, "type": "aws:route53/zone:Zone", "inputs": {"name": "cloud-iam.com"}}""");

        Assert.Equal(["cloud-iam.com", "grafana.scw.cloud-iam.com", "status.cloud-iam.com", "(none)"], design.Resources.Select(r => r.PublicHost ?? "(none)").ToArray());
    }

    [Fact]
    public void Takes_any_other_package_name_as_the_provider()
    {
        var design = InferInline("""{"urn": "urn:pulumi:prod::p::random:index/randomPassword:RandomPassword::grafana-admin", "custom": true, "type": "random:index/randomPassword:RandomPassword"}""");

        Assert.Equal(new ResourcePlacement { Provider = "random" }, Assert.Single(design.Resources).Placement);
    }

    [Fact]
    public void Places_workloads_on_the_kapsule_cluster_their_kubeconfig_comes_from()
    {
        var metrics = Healthy.Named("scw-metrics");

        Assert.Equal(
            new ResourcePlacement { Provider = "scaleway", Region = "fr-par", Zone = "fr-par-1", Networks = ["scw-pn"], OnManagedKubernetes = true },
            metrics.Placement,
            PlacementComparer.Instance);
        Assert.Contains(ScwCluster, metrics.Dependencies);
    }

    [Fact]
    public void Places_workloads_on_the_eks_cluster_their_kubeconfig_comes_from()
    {
        var runners = Healthy.Named("aws-ci-runners");

        Assert.Equal(
            new ResourcePlacement { Provider = "aws", Region = "eu-west-3", Networks = ["aws-vpc"], OnManagedKubernetes = true },
            runners.Placement,
            PlacementComparer.Instance);
        Assert.Contains(AwsCluster, runners.Dependencies);
    }

    [Fact]
    public void Follows_the_legacy_kapsule_token()
    {
        var alerting = ScalewayOnly.Named("scw-b-alerting");

        Assert.Equal("scaleway:index/kubernetesCluster:KubernetesCluster", ScalewayOnly.Named("scw-b-cluster").Type);
        Assert.Equal(["scw-b-pn"], alerting.Placement?.Networks);
        Assert.Contains(ScalewayOnly.Named("scw-b-cluster").Urn, alerting.Dependencies);
        Assert.True(ScalewayOnly.Named("scw-b-pool").Placement?.OnManagedKubernetes);
    }

    [Fact]
    public void Falls_back_to_the_eks_api_server_in_a_readable_kubeconfig()
    {
        var logs = AwsOnly.Named("aws-b-logs");

        Assert.Equal(new ResourcePlacement { Provider = "aws", Region = "eu-west-3", OnManagedKubernetes = true }, logs.Placement, PlacementComparer.Instance);
        Assert.DoesNotContain(AwsOnly.Named("aws-b-cluster").Urn, logs.Dependencies);
    }

    [Theory]
    [InlineData("apiVersion: v1\\nclusters:\\n- cluster:\\n    server: https://4e1f6a2c-8b7d-4c3e-9f10-2a6b8c9d0e1f.api.k8s.nl-ams.scw.cloud:6443\\n  name: k", "scaleway", "nl-ams")]
    [InlineData("{\\\"clusters\\\": [{\\\"cluster\\\": {\\\"server\\\": \\\"https://0A1B2C3D4E5F.gr7.eu-west-3.eks.amazonaws.com\\\"}}]}", "aws", "eu-west-3")]
    public void Falls_back_to_the_api_server_host_of_either_cloud(string kubeconfig, string provider, string region)
    {
        var design = InferInline(
            $$$"""{"urn": "urn:pulumi:prod::p::pulumi:providers:kubernetes::k8s", "custom": true, "id": "1", "type": "pulumi:providers:kubernetes", "inputs": {"kubeconfig": "{{{kubeconfig}}}"}}""",
            """{"urn": "urn:pulumi:prod::p::kubernetes:core/v1:Namespace::ns", "custom": true, "type": "kubernetes:core/v1:Namespace", "provider": "urn:pulumi:prod::p::pulumi:providers:kubernetes::k8s::1"}""");

        Assert.Equal(
            new ResourcePlacement { Provider = provider, Region = region, OnManagedKubernetes = true },
            Assert.Single(design.Resources).Placement,
            PlacementComparer.Instance);
    }

    [Fact]
    public void Leaves_a_kubernetes_resource_unplaced_when_its_cluster_cannot_be_found()
    {
        var design = InferInline(
            """{"urn": "urn:pulumi:prod::p::pulumi:providers:kubernetes::default_4_34_2", "custom": true, "id": "1", "type": "pulumi:providers:kubernetes", "inputs": {"version": "4.34.2"}}""",
            """{"urn": "urn:pulumi:prod::p::pulumi:providers:kubernetes::secret-config", "custom": true, "id": "2", "type": "pulumi:providers:kubernetes", "inputs": {"kubeconfig": {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "ciphertext": "v1:x"}}}""",
            """{"urn": "urn:pulumi:prod::p::kubernetes:core/v1:Namespace::ambient", "custom": true, "type": "kubernetes:core/v1:Namespace", "provider": "urn:pulumi:prod::p::pulumi:providers:kubernetes::default_4_34_2::1"}""",
            """{"urn": "urn:pulumi:prod::p::kubernetes:core/v1:Namespace::sealed", "custom": true, "type": "kubernetes:core/v1:Namespace", "provider": "urn:pulumi:prod::p::pulumi:providers:kubernetes::secret-config::2"}""");

        Assert.All(design.Resources, resource => Assert.Null(resource.Placement));
        Assert.Equal(2, design.Resources.Length);
    }

    [Fact]
    public void Places_workloads_on_a_cluster_of_another_provider_that_their_kubeconfig_comes_from()
    {
        var design = InferInline(
            """{"urn": "urn:pulumi:prod::p::ovh:cloudproject/kube:Kube::ovh-gra", "custom": true, "id": "k1", "type": "ovh:cloudproject/kube:Kube", "inputs": {"region": "GRA7"}}""",
            """{"urn": "urn:pulumi:prod::p::pulumi:providers:kubernetes::ovh-k8s", "custom": true, "id": "3", "type": "pulumi:providers:kubernetes", "inputs": {"kubeconfig": {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "ciphertext": "v1:x"}}, "dependencies": ["urn:pulumi:prod::p::ovh:cloudproject/kube:Kube::ovh-gra"], "propertyDependencies": {"kubeconfig": ["urn:pulumi:prod::p::ovh:cloudproject/kube:Kube::ovh-gra"]}}""",
            """{"urn": "urn:pulumi:prod::p::kubernetes:core/v1:Namespace::probes", "custom": true, "type": "kubernetes:core/v1:Namespace", "provider": "urn:pulumi:prod::p::pulumi:providers:kubernetes::ovh-k8s::3"}""");

        var workload = design.Named("probes");

        Assert.Equal(("ovh", "GRA7"), (workload.Placement?.Provider, workload.Placement?.Region));
        Assert.True(workload.Placement?.OnManagedKubernetes);
        Assert.Contains("urn:pulumi:prod::p::ovh:cloudproject/kube:Kube::ovh-gra", workload.Dependencies);
    }

    [Fact]
    public void Takes_region_and_zone_from_the_provider_when_the_resource_has_none()
    {
        Assert.Equal(("fr-par", "fr-par-1"), RegionAndZone(Healthy.Named("scw-cluster")));
        Assert.Equal(("eu-west-3", null), RegionAndZone(Healthy.Named("aws-nodes")));
    }

    [Fact]
    public void Places_global_iam_resources_on_the_provider_only_whatever_their_provider_region()
    {
        Assert.Equal((null, null), RegionAndZone(Healthy.Named("aws-cluster-role")));
        Assert.Equal((null, null), RegionAndZone(Healthy.Named("aws-cluster-policy")));
        Assert.Equal("aws", Healthy.Named("aws-cluster-role").Placement?.Provider);
        Assert.Empty(Healthy.Named("aws-cluster-role").Placement!.Networks);
    }

    [Fact]
    public void Derives_the_region_from_a_zone()
    {
        Assert.Equal(("fr-par", "fr-par-2"), RegionAndZone(Healthy.Named("scw-pool")));
        Assert.Equal(("eu-west-3", "eu-west-3a"), RegionAndZone(Healthy.Named("aws-subnet-a")));
        Assert.Equal(("eu-west-3", "eu-west-3b"), RegionAndZone(Healthy.Named("aws-subnet-b")));
    }

    [Fact]
    public void Places_a_resource_in_the_zone_of_its_only_subnet_and_a_multi_subnet_one_in_no_zone()
    {
        Assert.Equal(("eu-west-3", "eu-west-3a"), RegionAndZone(AwsOnly.Named("aws-bastion")));
        Assert.Equal(("eu-west-3", null), RegionAndZone(Healthy.Named("aws-cluster")));
        Assert.Equal(("eu-west-3", null), RegionAndZone(Healthy.Named("aws-nodes")));
    }

    [Fact]
    public void Puts_scaleway_resources_on_their_private_network()
    {
        Assert.Equal(["scw-pn"], Healthy.Named("scw-pn").Placement?.Networks);
        Assert.Equal(["scw-pn"], Healthy.Named("scw-cluster").Placement?.Networks);
        Assert.Equal(["scw-pn"], Healthy.Named("scw-pool").Placement?.Networks);
        Assert.Empty(Healthy.Named("scw-vpc").Placement!.Networks);
        Assert.Empty(Healthy.Named("scw-logs-bucket").Placement!.Networks);
        Assert.Equal(["scw-b-pn"], ScalewayOnly.Named("scw-status-probe").Placement?.Networks);
    }

    [Fact]
    public void Puts_aws_resources_on_the_vpc_of_their_subnets()
    {
        Assert.Equal(["aws-vpc"], Healthy.Named("aws-vpc").Placement?.Networks);
        Assert.Equal(["aws-vpc"], Healthy.Named("aws-subnet-a").Placement?.Networks);
        Assert.Equal(["aws-vpc"], Healthy.Named("aws-cluster").Placement?.Networks);
        Assert.Equal(["aws-vpc"], Healthy.Named("aws-nodes").Placement?.Networks);
        Assert.Equal(["aws-a-vpc"], AwsOnly.Named("aws-bastion").Placement?.Networks);
        Assert.Empty(Healthy.Named("aws-logs-bucket").Placement!.Networks);
    }

    [Fact]
    public void Ends_reference_cycles_that_a_real_state_cannot_contain()
    {
        const string A = "urn:pulumi:prod::p::scaleway:network/privateNetwork:PrivateNetwork::a";
        const string B = "urn:pulumi:prod::p::scaleway:kubernetes/cluster:Cluster::b";
        var design = InferInline(
            $$$"""{"urn": "{{{A}}}", "custom": true, "type": "scaleway:network/privateNetwork:PrivateNetwork", "propertyDependencies": {"vpcId": ["{{{B}}}", "{{{A}}}"]}}""",
            $$$"""{"urn": "{{{B}}}", "custom": true, "type": "scaleway:kubernetes/cluster:Cluster", "propertyDependencies": {"privateNetworkId": ["{{{A}}}", "{{{B}}}"], "clusterId": ["{{{A}}}"]}}""");

        Assert.Equal<string>(["a"], design.Named("a").Placement!.Networks);
        Assert.Equal("scaleway", design.Named("b").Placement?.Provider);
    }

    [Fact]
    public void Cuts_a_long_chain_of_forward_references_instead_of_overflowing_the_stack()
    {
        const int Length = 20_000;
        var chain = Enumerable.Range(0, Length).Select(i =>
            $$$"""{"urn": "urn:pulumi:prod::p::scaleway:kubernetes/pool:Pool::p{{{i}}}", "custom": true, "type": "scaleway:kubernetes/pool:Pool", "propertyDependencies": {"clusterId": ["urn:pulumi:prod::p::scaleway:kubernetes/pool:Pool::p{{{i + 1}}}"]}}""");

        var design = InferInline([.. chain]);

        Assert.Equal(Length, design.Resources.Length);
    }

    [Fact]
    public void Marks_clusters_pools_and_workloads_as_managed_kubernetes()
    {
        Assert.True(Healthy.Named("scw-cluster").Placement?.OnManagedKubernetes);
        Assert.True(Healthy.Named("aws-nodes").Placement?.OnManagedKubernetes);
        Assert.True(Healthy.Named("aws-monitoring").Placement?.OnManagedKubernetes);
        Assert.False(Healthy.Named("aws-vpc").Placement?.OnManagedKubernetes);
    }

    [Theory]
    [InlineData(Fixtures.Healthy, "aws-logs-bucket", "logs")]
    [InlineData(Fixtures.Healthy, "scw-logs-bucket", "logs")]
    [InlineData(Fixtures.Healthy, "scw-provider-dashboards", "dashboards")]
    [InlineData(Fixtures.Healthy, "scw-ci-runners", "ci-runners")]
    [InlineData(Fixtures.Healthy, "aws-status-page", "status-page")]
    [InlineData(Fixtures.ScalewayOnly, "scw-status-probe", "status-page")]
    [InlineData(Fixtures.AwsOnly, "aws-b-metrics", "metrics")]
    public void Reads_the_capability_from_each_tag_form(string fixture, string name, string capability)
    {
        Assert.Equal(capability, Infer(fixture).Named(name).Capability);
    }

    [Fact]
    public void Leaves_untagged_resources_without_capability()
    {
        Assert.Null(Healthy.Named("scw-cluster").Capability);
        Assert.Null(Healthy.Named("aws-monitoring").Capability);
    }

    [Fact]
    public void Includes_a_helm_v4_chart_placed_through_its_children()
    {
        var chart = AwsOnly.Named("aws-b-metrics");

        Assert.Equal("kubernetes:helm.sh/v4:Chart", chart.Type);
        Assert.Equal(new ResourcePlacement { Provider = "aws", Region = "eu-west-3", OnManagedKubernetes = true }, chart.Placement, PlacementComparer.Instance);
    }

    [Fact]
    public void Keeps_only_dependencies_in_the_design_and_adds_the_cluster()
    {
        var design = InferInline(
            """{"urn": "urn:pulumi:prod::p::cloudiam:infra:Site::site", "custom": false, "type": "cloudiam:infra:Site"}""",
            """{"urn": "urn:pulumi:prod::p::aws:ec2/vpc:Vpc::vpc", "custom": true, "type": "aws:ec2/vpc:Vpc"}""",
            """{"urn": "urn:pulumi:prod::p::aws:s3/bucket:Bucket::b", "custom": true, "type": "aws:s3/bucket:Bucket", "dependencies": ["urn:pulumi:prod::p::cloudiam:infra:Site::site", "urn:pulumi:prod::p::aws:ec2/vpc:Vpc::vpc", "urn:pulumi:prod::p::aws:ec2/vpc:Vpc::gone"]}""");

        Assert.Equal<string>(["urn:pulumi:prod::p::aws:ec2/vpc:Vpc::vpc"], design.Named("b").Dependencies);
        Assert.Equal<string>(
            [Fixtures.Prefix + "cloudiam:infra:AwsSite$cloudiam:infra:Observability$kubernetes:core/v1:Namespace::aws-monitoring",
             Fixtures.Prefix + "cloudiam:infra:AwsSite$aws:s3/bucket:Bucket::aws-logs-bucket",
             AwsCluster],
            Healthy.Named("aws-logs").Dependencies);
    }

    [Fact]
    public void Exposes_the_inputs_as_properties()
    {
        var design = PlacementInference.Infer(StackExportReader.Read(Fixtures.PathOf(Fixtures.Healthy), ["values.concurrent"]));

        Assert.True(design.Named("aws-ci-runners").Properties.TryGetNumber("values.concurrent", out var concurrent));
        Assert.Equal(10, concurrent);
    }

    [Fact]
    public void Infers_the_same_placements_from_the_preview_as_from_the_export()
    {
        var preview = PlacementInference.Infer(PreviewReader.Read(Fixtures.PathOf(Fixtures.HealthyPreview)));
        var exported = Healthy.Resources.ToDictionary(r => r.Urn);

        Assert.Equal(40, preview.Resources.Length);
        Assert.All(
            preview.Resources.Where(r => exported.ContainsKey(r.Urn)),
            r => Assert.Equal(exported[r.Urn].Placement, r.Placement, PlacementComparer.Instance));
        Assert.Equal("aws", preview.Named("aws-status-endpoints").Placement?.Provider);
    }

    private static PlacementDesign Infer(string fixture) => PlacementInference.Infer(StackExportReader.Read(Fixtures.PathOf(fixture)));

    private static PlacementDesign InferInline(params string[] resources) =>
        PlacementInference.Infer(StackExportReader.Parse(Fixtures.Export(resources), "inline"));

    private static (string?, string?) RegionAndZone(DesignResource resource) => (resource.Placement?.Region, resource.Placement?.Zone);

    /// <summary>Records compare arrays by reference; placements are equal when their networks list the same names.</summary>
    private sealed class PlacementComparer : IEqualityComparer<ResourcePlacement?>
    {
        public static PlacementComparer Instance { get; } = new();

        public bool Equals(ResourcePlacement? x, ResourcePlacement? y) =>
            x is null || y is null
                ? x is null && y is null
                : x with { Networks = [] } == y with { Networks = [] } && x.Networks.SequenceEqual(y.Networks);

        public int GetHashCode(ResourcePlacement? obj) => obj?.Provider.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
