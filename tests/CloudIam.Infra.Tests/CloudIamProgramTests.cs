using CloudIam.Infra.Capabilities;
using CloudIam.Pulumi.Resources.Aws;
using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Resources.Scaleway;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Tests;

public class CloudIamProgramTests
{
    public static TheoryData<string> Stacks => new("prod", "staging", "scaleway-only", "aws-only");

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Compiling_twice_gives_byte_identical_yaml(string stack)
    {
        Assert.Equal(ProgramEmitter.Emit(Repository.Program(stack)), ProgramEmitter.Emit(Repository.Program(stack)));
    }

    [Fact]
    public void Prod_declares_the_base_of_both_providers()
    {
        var prod = Repository.Program("prod");

        string[] expected =
        [
            ScalewayProvider.Token, NetworkVpc.Token, NetworkPrivateNetwork.Token, KubernetesCluster.Token, KubernetesPool.Token,
            KubernetesAcl.Token, ObjectBucket.Token, ObjectBucketAcl.Token,
            AwsProvider.Token, Ec2Vpc.Token, Ec2Subnet.Token, Ec2InternetGateway.Token, Ec2Route.Token, EksCluster.Token,
            EksNodeGroup.Token, EksAddon.Token, IamRole.Token, IamRolePolicyAttachment.Token, S3Bucket.Token,
            S3BucketServerSideEncryptionConfiguration.Token, S3BucketPublicAccessBlock.Token, S3BucketVersioning.Token,
            KubernetesProvider.Token, KubernetesNamespace.Token, KubernetesStorageClass.Token, HelmRelease.Token,
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), prod.Resources.Select(resource => resource.Type).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(2, prod.OfType<Ec2Subnet>().Select(subnet => ((StringLiteral)subnet.Property("availabilityZone")!).Value).Distinct().Count());
        Assert.NotNull(prod.Find("scw-par-cluster")!.Property("privateNetworkId"));
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("staging")]
    public void Every_tooling_release_runs_on_both_providers(string stack)
    {
        var program = Repository.Program(stack);

        foreach (var release in new[] { "metrics", "loki", "alertmanager", "grafana", "gatus", "gitlab-runner" })
        {
            Assert.Equal(["aws", "scaleway"], Sites(program, release));
        }
    }

    [Theory]
    [InlineData("scaleway-only", "scaleway", "aws")]
    [InlineData("aws-only", "aws", "scaleway")]
    public void A_single_provider_stack_compiles_to_that_provider_only(string stack, string provider, string absent)
    {
        var program = Repository.Program(stack);

        Assert.DoesNotContain(program.Resources, resource => resource.Type.StartsWith(absent + ":", StringComparison.Ordinal) || resource.Type.EndsWith(":" + absent, StringComparison.Ordinal));
        Assert.Contains(program.Resources, resource => resource.Type.StartsWith(provider + ":", StringComparison.Ordinal));
        Assert.Equal([provider], Sites(program, "gitlab-runner"));
    }

    [Fact]
    public void A_cluster_runs_only_the_capabilities_its_config_places_on_it()
    {
        var program = Repository.Program("scaleway-only");

        Assert.NotNull(program.Find("scw-ams-metrics"));
        Assert.Null(program.Find("scw-ams-loki"));
        Assert.Null(program.Find("scw-ams-grafana"));
        Assert.Null(program.Find("scw-ams-alertmanager")!.Property("values.config.missing"));
        Assert.Null(program.Find("scw-ams-cluster")!.Property("autoUpgrade"));
        Assert.NotNull(program.Find("scw-par-cluster")!.Property("autoUpgrade"));
    }

    [Fact]
    public void Each_status_page_watches_the_cloud_providers_the_other_sites_and_the_deployments()
    {
        var prod = Repository.Program("prod");

        var endpoints = ((ExprList)prod.Find("scw-par-gatus")!.Property("values.config.endpoints")!).Items.Cast<ExprMap>()
            .Select(endpoint => (Group: Text(endpoint["group"]), Url: Text(endpoint["url"]))).ToList();

        Assert.Contains(("cloud-providers", "https://status.scaleway.com/api/v2/status.json"), endpoints);
        Assert.Contains(("cloud-providers", "https://health.aws.amazon.com/health/status"), endpoints);
        Assert.Contains(endpoints, endpoint => endpoint.Group == "tooling-aws-par" && endpoint.Url?.Contains("alertmanager.aws-par.", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(endpoints, endpoint => endpoint.Group == "tooling-scw-par");
        Assert.Contains(("deployments", "https://eu-1.cloud-iam.com/health/ready"), endpoints);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_taggable_resource_carries_its_capability(string stack)
    {
        var program = Repository.Program(stack);

        Assert.All(program.Resources.Where(resource => !Untaggable.Contains(resource.Type)), resource =>
        {
            var capability = CapabilityOf(resource);
            Assert.True(capability == Capability.Platform || Capability.Tooling.Contains(capability!), $"{resource.LogicalName}: '{capability}'");
        });
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Kubernetes_resources_use_their_sites_provider_and_hang_under_the_cluster(string stack)
    {
        var program = Repository.Program(stack);

        foreach (var site in Repository.Stack(stack).Clusters.Select(cluster => cluster.Name))
        {
            var resources = program.Resources.Where(resource => resource.LogicalName.StartsWith(site + "-", StringComparison.Ordinal)).ToList();
            Assert.All(resources.Where(resource => resource.Type == KubernetesNamespace.Token), ns =>
            {
                Assert.Equal($"{site}-kubernetes", ns.Options.Provider?.LogicalName);
                Assert.Equal($"{site}-cluster", ns.Options.Parent?.LogicalName);
            });
            Assert.All(resources.Where(resource => resource.Type == HelmRelease.Token), release =>
            {
                Assert.Equal($"{site}-kubernetes", release.Options.Provider?.LogicalName);
                Assert.Equal(KubernetesNamespace.Token, release.Options.Parent?.Type);
            });
        }
    }

    /// <summary>Types whose schema has no tags or labels; their capability is their parent's.</summary>
    private static readonly string[] Untaggable =
    [
        ScalewayProvider.Token, AwsProvider.Token, KubernetesProvider.Token, Ec2Route.Token, IamRolePolicyAttachment.Token,
        KubernetesAcl.Token, ObjectBucketAcl.Token, S3BucketServerSideEncryptionConfiguration.Token,
        S3BucketPublicAccessBlock.Token, S3BucketVersioning.Token,
    ];

    private static string? CapabilityOf(ResourceDeclaration resource)
    {
        // Charts without common labels carry the capability in their pod labels, as inference reads it.
        var labels = resource.Type == HelmRelease.Token
                ? resource.Property("values.commonLabels") ?? resource.Property("values.podLabels") ?? resource.Property("values.controller.podLabels")
            : resource.Type is var type && (type == KubernetesNamespace.Token || type == KubernetesStorageClass.Token) ? resource.Property("metadata.labels")
            : resource.Property("tags");
        return labels switch
        {
            ExprMap map => Text(map.GetValueOrDefault(Capability.Key)),
            ExprList list => list.Items.Select(Text).OfType<string>()
                .FirstOrDefault(tag => tag.StartsWith(Capability.Key + "=", StringComparison.Ordinal))?[(Capability.Key.Length + 1)..],
            _ => null,
        };
    }

    /// <summary>Providers of the clusters that run a release: release → Kubernetes provider → the cluster in its kubeconfig.</summary>
    private static IEnumerable<string> Sites(PulumiProgram program, string release) =>
        program.OfType<HelmRelease>()
            .Where(resource => Text(resource.Property("name")) == release)
            .Select(resource => program.Find(resource.Options.Provider!.LogicalName)!)
            .SelectMany(provider => provider.Properties.References().OfType<ResourceReference>())
            .Select(reference => reference.Resource.Type[..reference.Resource.Type.IndexOf(':', StringComparison.Ordinal)])
            .Distinct()
            .Order(StringComparer.Ordinal);

    private static string? Text(Expr? value) => (value as StringLiteral)?.Value;
}
