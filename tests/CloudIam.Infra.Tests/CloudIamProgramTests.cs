using CloudIam.Infra.Capabilities;
using CloudIam.Placement.Policy;
using CloudIam.Pulumi.Inference;
using CloudIam.Pulumi.Resources.Aws;
using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Resources.Scaleway;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Tests;

public class CloudIamProgramTests
{
    public static TheoryData<string> Stacks => new("prod", "staging", "scaleway-only", "aws-only");

    /// <summary>
    /// Every capability a stack's resources are tagged with is declared in the shipped policy: an undeclared one
    /// would be counted nowhere, so here it is an error, not the report's note.
    /// </summary>
    [Theory]
    [MemberData(nameof(Stacks))]
    public void The_shipped_policy_declares_every_capability_the_program_tags(string stack)
    {
        var policy = PolicyLoader.Load(Path.Combine(Repository.Root, "policy", "placement.yaml"));
        var tagged = PlacementInference.Infer(ProgramGraph.From(Repository.Program(stack), stack)).Resources
            .Select(resource => resource.Capability).OfType<string>().Distinct().ToList();

        Assert.Contains(Capability.Platform, tagged);
        Assert.All(Capability.Tooling, capability => Assert.Contains(capability, policy.Capabilities.Keys));
        Assert.All(tagged, capability => Assert.True(policy.Capabilities.ContainsKey(capability), $"'{capability}' is tagged but not declared in policy/placement.yaml"));
    }

    [Fact]
    public void Prod_declares_the_base_of_both_providers()
    {
        var prod = Repository.Program("prod");

        string[] expected =
        [
            ScalewayProvider.Token, NetworkVpc.Token, NetworkPrivateNetwork.Token, NetworkPublicGatewayIp.Token, NetworkPublicGateway.Token,
            NetworkGatewayNetwork.Token, KubernetesCluster.Token, KubernetesPool.Token, KubernetesAcl.Token, ObjectBucket.Token,
            ObjectBucketAcl.Token, AwsProvider.Token, Ec2Vpc.Token, Ec2Subnet.Token, Ec2InternetGateway.Token, Ec2Route.Token, Ec2Eip.Token,
            Ec2NatGateway.Token, Ec2RouteTable.Token, Ec2RouteTableAssociation.Token, Ec2LaunchTemplate.Token, KmsKey.Token,
            CloudWatchLogGroup.Token, EksCluster.Token, EksAccessEntry.Token, EksAccessPolicyAssociation.Token, EksNodeGroup.Token, IamRole.Token,
            IamRolePolicyAttachment.Token, S3Bucket.Token, S3BucketServerSideEncryptionConfiguration.Token, S3BucketPublicAccessBlock.Token,
            S3BucketVersioning.Token, KubernetesProvider.Token, KubernetesNamespace.Token, NetworkPolicy.Token, RbacRole.Token,
            RbacRoleBinding.Token, HelmRelease.Token, EksAddon.Token, KubernetesStorageClass.Token, LoadbalancerIp.Token, DomainRecord.Token,
            Route53Record.Token, Route53HealthCheck.Token, KubernetesSecret.Token, KubernetesIngress.Token, ConfigGroup.Token,
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), prod.Resources.Select(resource => resource.Type).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(2, prod.OfType<Ec2Subnet>().Select(subnet => ((StringLiteral)subnet.Property("availabilityZone")!).Value).Distinct().Count());
        Assert.NotNull(prod.Find("scw-par-cluster")!.Property("privateNetworkId"));
    }

    [Fact]
    public void Prod_publishes_every_host_over_tls_behind_its_login_and_status_cloud_iam_com_on_two_dns_providers()
    {
        var prod = Repository.Program("prod");

        foreach (var site in new[] { "scw-par", "aws-par" })
        {
            var hosts = prod.OfType<KubernetesIngress>().Where(ingress => ingress.LogicalName.StartsWith(site + "-", StringComparison.Ordinal))
                .Select(ingress => (Host: Text(ingress.Property("spec") is ExprMap spec ? ((ExprMap)((ExprList)spec.Items["rules"]).Items[0]).Items["host"] : null)!, Ingress: ingress))
                .ToList();
            var domain = $"{site}.tooling.cloud-iam.com";
            Assert.Equal(
                new[] { "alertmanager", "auth", "grafana", "loki", "prometheus", "status" }.Select(name => $"{name}.{domain}").Append("status.cloud-iam.com").Order(StringComparer.Ordinal),
                hosts.Select(host => host.Host).Distinct().Order(StringComparer.Ordinal));
            // Sign-in in front of the APIs; Grafana logs people in itself; the status pages are public.
            Assert.All(hosts.Where(host => host.Host.StartsWith("alertmanager.", StringComparison.Ordinal) && host.Ingress.LogicalName.EndsWith("alertmanager", StringComparison.Ordinal)),
                host => Assert.Equal("auth-oauth2-proxy@kubernetescrd", Text(host.Ingress.Property("metadata") is ExprMap meta ? ((ExprMap)meta.Items["annotations"]).Items["traefik.ingress.kubernetes.io/router.middlewares"] : null)));
        }

        Assert.NotNull(prod.Find("scw-par-ingress-ip"));
        // One load-balancer address per AWS zone, besides the NAT gateways' egress addresses.
        Assert.Equal(2, prod.OfType<Ec2Eip>().Count(eip => eip.LogicalName.Contains("-ingress-eip-", StringComparison.Ordinal)));
        Assert.Equal(2, prod.OfType<Ec2Eip>().Count(eip => eip.LogicalName.Contains("-nat-ip-", StringComparison.Ordinal)));
        var scaleway = Assert.Single(prod.OfType<DomainRecord>(), record => Text(record.Property("dnsZone")) == "cloud-iam.com" && Text(record.Property("name")) == "status");
        Assert.Equal(3, ((ExprList)scaleway.Property("httpService.ips")!).Items.Length);
        var route53 = prod.OfType<Route53Record>().Where(record => Text(record.Property("name")) == "status.cloud-iam.com").ToList();
        Assert.Equal(["PRIMARY", "SECONDARY"], route53.Select(record => Text(((ExprMap)((ExprList)record.Property("failoverRoutingPolicies")!).Items[0]).Items["type"]) ?? "").ToArray());
        Assert.All(route53, record => Assert.NotNull(record.Property("healthCheckId")));
        Assert.Equal(2, prod.OfType<Route53HealthCheck>().Count());
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
        Assert.NotNull(program.Find("scw-ams-alertmanager"));
        // The same names exist where the config places those capabilities, so the nulls above are not a naming slip.
        Assert.NotNull(program.Find("scw-par-loki"));
        Assert.NotNull(program.Find("scw-par-grafana"));
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

    [Fact]
    public void Each_tooling_capability_counts_one_workload_per_site_not_its_secrets_or_shippers()
    {
        var program = Repository.Program("prod");

        var instances = program.Resources
            .Where(resource => !Untaggable.Contains(resource.Type) && CapabilityOf(resource) is { } capability && capability != Capability.Platform)
            .GroupBy(resource => CapabilityOf(resource)!)
            .ToDictionary(group => group.Key, group => group.Select(resource => resource.LogicalName).Order(StringComparer.Ordinal).ToList());

        Assert.Equal(["aws-par-alertmanager", "scw-par-alertmanager"], instances[Capability.Alerting]);
        Assert.Equal(["aws-par-grafana", "scw-par-grafana"], instances[Capability.Dashboards]);
        Assert.Equal(["aws-par-loki", "scw-par-loki"], instances[Capability.Logs]);
        Assert.All(instances.Values, workloads => Assert.Equal(2, workloads.Count));
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
        S3BucketPublicAccessBlock.Token, S3BucketVersioning.Token, NetworkGatewayNetwork.Token, Ec2RouteTableAssociation.Token,
        EksAccessPolicyAssociation.Token, DomainRecord.Token, Route53Record.Token, ConfigGroup.Token,
    ];

    private static string? CapabilityOf(ResourceDeclaration resource)
    {
        // Charts without common labels carry the capability in their pod labels, as inference reads it.
        var labels = resource.Type == HelmRelease.Token
                ? resource.Property("values.commonLabels") ?? resource.Property("values.global.commonLabels") ?? resource.Property("values.customLabels")
                    ?? resource.Property("values.podLabels") ?? resource.Property("values.controller.podLabels")
            : resource.Type.StartsWith("kubernetes:", StringComparison.Ordinal) ? resource.Property("metadata.labels")
            : resource.Property("tags");
        return labels switch
        {
            ExprMap map => Text(map.GetValueOrDefault(CapabilityTag.Key)),
            ExprList list => list.Items.Select(Text).OfType<string>()
                .FirstOrDefault(tag => tag.StartsWith(CapabilityTag.Key + "=", StringComparison.Ordinal))?[(CapabilityTag.Key.Length + 1)..],
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
