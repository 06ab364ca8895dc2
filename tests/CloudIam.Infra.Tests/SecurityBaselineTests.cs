using System.Collections.Immutable;
using CloudIam.Infra.Security;
using CloudIam.Pulumi.Resources;
using CloudIam.Pulumi.Resources.Aws;
using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Resources.Scaleway;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Tests;

public class SecurityBaselineTests
{
    [Theory]
    [MemberData(nameof(CloudIamProgramTests.Stacks), MemberType = typeof(CloudIamProgramTests))]
    public void The_program_passes_the_whole_baseline(string stack)
    {
        Assert.Empty(SecurityBaseline.Run(Repository.Program(stack)));
    }

    [Fact]
    public void Checks_have_stable_distinct_ids_and_explain_themselves()
    {
        Assert.Equal(Enumerable.Range(1, SecurityBaseline.Checks.Length).Select(n => $"SEC{n:000}"), SecurityBaseline.Checks.Select(check => check.Id));
        Assert.All(SecurityBaseline.Checks, check => Assert.False(string.IsNullOrWhiteSpace(check.Title) || string.IsNullOrWhiteSpace(check.Why)));
    }

    [Fact]
    public void SEC001_trips_on_admin_ports_open_to_the_world()
    {
        var findings = Findings("SEC001", program =>
        {
            program.Add("ssh-world", new Ec2SecurityGroup
            {
                Ingress = [new SecurityGroupInlineRule { FromPort = 20, ToPort = 25, Protocol = "tcp", CidrBlocks = ["0.0.0.0/0"] }],
            });
            program.Add("https-world", new Ec2SecurityGroup
            {
                Ingress = [new SecurityGroupInlineRule { FromPort = 443, ToPort = 443, Protocol = "tcp", CidrBlocks = ["0.0.0.0/0"] }],
            });
            program.Add("api-vpn", new VpcSecurityGroupIngressRule { SecurityGroupId = "sg-1", IpProtocol = "tcp", FromPort = 6443, ToPort = 6443, CidrIpv4 = "203.0.113.0/24" });
            program.Add("all-v6", new VpcSecurityGroupIngressRule { SecurityGroupId = "sg-1", IpProtocol = "-1", CidrIpv6 = "::/0" });
            program.Add("scw-open", new InstanceSecurityGroup { InboundDefaultPolicy = "drop", InboundRules = [new SecurityGroupRule { Action = "accept", PortRange = "3380-3390" }] });
            program.Add("scw-default", new InstanceSecurityGroup());
            program.Add("scw-closed", new InstanceSecurityGroup
            {
                InboundDefaultPolicy = "drop",
                InboundRules = [new SecurityGroupRule { Action = "accept", Port = 22, IpRange = "203.0.113.0/24" }, new SecurityGroupRule { Action = "accept", Protocol = "ICMP" }],
            });
            program.Add("scw-rules", new InstanceSecurityGroupRules { SecurityGroupId = "fr-par-1/x", InboundRules = [new SecurityGroupRule { Action = "accept", Port = 10250 }] });
        });

        Assert.Equal(["all-v6", "scw-default", "scw-open", "scw-rules", "ssh-world"], findings);
    }

    [Fact]
    public void SEC002_trips_on_an_s3_bucket_without_encryption()
    {
        var findings = Findings("SEC002", program =>
        {
            program.Add("plain", new S3Bucket());
            var encrypted = program.Add("encrypted", new S3Bucket());
            program.Add("encrypted-sse", new S3BucketServerSideEncryptionConfiguration
            {
                Bucket = encrypted.Id,
                Rules = [new SseRule { ApplyServerSideEncryptionByDefault = new SseDefault { SseAlgorithm = "aws:kms" } }],
            });
        });

        Assert.Equal(["plain"], findings);
    }

    [Fact]
    public void SEC003_trips_on_buckets_that_can_be_public()
    {
        var findings = Findings("SEC003", program =>
        {
            var partly = program.Add("partly-blocked", new S3Bucket());
            program.Add("partly-blocked-pab", new S3BucketPublicAccessBlock { Bucket = partly.Id, BlockPublicAcls = true, BlockPublicPolicy = true });
            BlockedS3Bucket(program, "blocked");
            var published = program.Add("published", new ObjectBucket());
            program.Add("published-acl", new ObjectBucketAcl { Bucket = published.Name(), Acl = "public-read" });
            program.Add("no-acl", new ObjectBucket());
            var kept = program.Add("private", new ObjectBucket());
            program.Add("private-acl", new ObjectBucketAcl { Bucket = kept.Name(), Acl = "private" });
        });

        Assert.Equal(["no-acl", "partly-blocked", "published"], findings);
    }

    [Fact]
    public void SEC004_trips_on_ec2_without_imdsv2()
    {
        var findings = Findings("SEC004", program =>
        {
            program.Add("v1", new Ec2Instance { Ami = "ami-1", InstanceType = "t3.micro" });
            program.Add("optional", new Ec2LaunchTemplate { MetadataOptions = new InstanceMetadataOptions { HttpTokens = "optional" } });
            program.Add("v2", new Ec2LaunchTemplate { MetadataOptions = new InstanceMetadataOptions { HttpTokens = "required" } });
            program.Add("off", new Ec2Instance { MetadataOptions = new InstanceMetadataOptions { HttpEndpoint = "disabled" } });
        });

        Assert.Equal(["optional", "v1"], findings);
    }

    [Fact]
    public void SEC005_trips_on_kubernetes_api_servers_without_an_allow_list()
    {
        var findings = Findings("SEC005", program =>
        {
            program.Add("eks-open", new EksCluster { RoleArn = "arn", VpcConfig = new EksVpcConfig { SubnetIds = ["subnet-1"] } });
            program.Add("eks-world", new EksCluster { RoleArn = "arn", VpcConfig = new EksVpcConfig { SubnetIds = ["subnet-1"], PublicAccessCidrs = ["0.0.0.0/0"] } });
            program.Add("eks-private", new EksCluster { RoleArn = "arn", VpcConfig = new EksVpcConfig { SubnetIds = ["subnet-1"], EndpointPublicAccess = false } });
            program.Add("eks-listed", new EksCluster { RoleArn = "arn", VpcConfig = new EksVpcConfig { SubnetIds = ["subnet-1"], PublicAccessCidrs = ["203.0.113.0/24"] } });
            program.Add("kapsule-open", Kapsule());
            var world = program.Add("kapsule-world", Kapsule());
            program.Add("kapsule-world-acl", new KubernetesAcl { ClusterId = world.Id, AclRules = [new AclRule { Ip = "0.0.0.0/0" }] });
            var listed = program.Add("kapsule-listed", Kapsule());
            program.Add("kapsule-listed-acl", new KubernetesAcl { ClusterId = listed.Id, AclRules = [new AclRule { Ip = "203.0.113.0/24" }] });
        });

        Assert.Equal(["eks-open", "eks-world", "kapsule-open", "kapsule-world"], findings);
    }

    [Fact]
    public void SEC006_trips_on_broad_runner_privileges()
    {
        var findings = Findings("SEC006", program =>
        {
            program.Add("admin", new IamRolePolicyAttachment { Role = "nodes", PolicyArn = "arn:aws:iam::aws:policy/AdministratorAccess" });
            program.Add("workers", new IamRolePolicyAttachment { Role = "nodes", PolicyArn = "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy" });
            program.Add("wildcard", new IamRole
            {
                AssumeRolePolicy = Input.Json(new ExprMap
                {
                    ["Statement"] = new ExprList([new ExprMap { ["Effect"] = "Allow", ["Action"] = new ExprList(["s3:*"]) }]),
                }),
            });
            program.Add("org-admin", new IamPolicy { Rules = [new IamPolicyRule { PermissionSetNames = ["AllProductsFullAccess"] }] });
            program.Add("default-rbac", Runner(new ExprMap { ["create"] = true }));
            program.Add("cluster-wide", Runner(new ExprMap { ["clusterWideAccess"] = true, ["rules"] = new ExprList([Rule("pods", "get")]) }));
            program.Add("star-rules", Runner(new ExprMap { ["rules"] = new ExprList([Rule("*", "*")]) }));
            program.Add("narrow", Runner(new ExprMap { ["rules"] = new ExprList([Rule("pods", "create")]) }));
        });

        Assert.Equal(["admin", "cluster-wide", "default-rbac", "org-admin", "star-rules", "wildcard"], findings);
    }

    [Fact]
    public void SEC007_trips_on_literal_secrets()
    {
        var findings = Findings("SEC007", program =>
        {
            var password = program.SecretConfig("adminPassword");
            program.Add("literal", new HelmRelease { Chart = "grafana", Values = new ExprMap { ["adminPassword"] = "hunter2" } });
            program.Add("token", new HelmRelease { Chart = "gitlab-runner", Values = new ExprMap { ["runner_token"] = "glrt-1" } });
            program.Add("referenced", new HelmRelease { Chart = "grafana", Values = new ExprMap { ["adminPassword"] = password } });
            program.Add("wrapped", new HelmRelease { Chart = "grafana", Values = new ExprMap { ["adminPassword"] = Expr.Secret("x") } });
            program.Add("named", new HelmRelease { Chart = "grafana", Values = new ExprMap { ["admin"] = new ExprMap { ["existingSecret"] = "grafana-admin" } } });
            program.Add("imds", new Ec2LaunchTemplate { MetadataOptions = new InstanceMetadataOptions { HttpTokens = "required" } });
        });

        Assert.Equal(["literal", "token"], findings);
    }

    [Fact]
    public void SEC008_trips_on_a_ui_published_without_sign_in_and_on_anonymous_grafana()
    {
        var findings = Findings("SEC008", program =>
        {
            program.Add("open", Ingress("alertmanager.example.com", annotations: []));
            program.Add("signed-in", Ingress("alertmanager.example.com", annotations: [("traefik.ingress.kubernetes.io/router.middlewares", "auth-oauth2-proxy@kubernetescrd")]));
            program.Add("health-only", Ingress("alertmanager.example.com", annotations: [], exactPath: "/-/healthy"));
            program.Add("status", Ingress("status.example.com", annotations: [("cloudiam.io/access", "public")]));
            program.Add("grafana-login", Ingress("grafana.example.com", annotations: [("cloudiam.io/access", "own-login")]));
            program.Add("grafana-anonymous", Grafana(anonymous: true));
            program.Add("grafana-closed", Grafana(anonymous: false));
        });

        Assert.Equal(["grafana-anonymous", "open"], findings);
    }

    [Fact]
    public void SEC009_trips_on_hosts_without_certificates_plain_http_routes_and_a_controller_without_redirect()
    {
        var findings = Findings("SEC009", program =>
        {
            program.Add("no-tls", Ingress("grafana.example.com", annotations: [], tls: false));
            program.Add("on-web", Ingress("grafana.example.com", annotations: [], entryPoints: "web,websecure"));
            program.Add("secure", Ingress("grafana.example.com", annotations: []));
            program.Add("traefik-plain", new HelmRelease { Chart = "traefik", Values = new ExprMap() });
            program.Add("traefik-redirect", new HelmRelease
            {
                Chart = "traefik",
                Values = new ExprMap
                {
                    ["ports"] = new ExprMap
                    {
                        ["web"] = new ExprMap { ["http"] = new ExprMap { ["redirections"] = new ExprMap { ["entryPoint"] = new ExprMap { ["to"] = "websecure" } } } },
                    },
                },
            });
        });

        Assert.Equal(["no-tls", "on-web", "traefik-plain"], findings);
    }

    [Fact]
    public void SEC010_trips_on_secrets_in_config_maps_and_in_values_a_chart_renders_into_one()
    {
        var findings = Findings("SEC010", program =>
        {
            var webhook = program.SecretConfig("oncallWebhookUrl");
            var receivers = new ExprMap { ["receivers"] = new ExprList([new ExprMap { ["webhook_configs"] = new ExprList([new ExprMap { ["url"] = webhook }]) }]) };
            // The shape Alertmanager had: webhook URLs inside values.config, rendered into the chart's ConfigMap.
            program.Add("alertmanager-old", new HelmRelease { Chart = "alertmanager", Values = new ExprMap { ["config"] = receivers } });
            program.Add("config-map", new KubernetesConfigMap { Metadata = new ObjectMeta { Name = "alertmanager-config" }, Data = new ExprMap { ["url"] = webhook } });
            // The shape it moves to: the URL in a Secret, the chart only names the Secret.
            program.Add("webhooks", new KubernetesSecret { Metadata = new ObjectMeta { Name = "alertmanager-webhooks" }, StringData = new ExprMap { ["oncall"] = webhook } });
            program.Add("alertmanager-new", new HelmRelease
            {
                Chart = "alertmanager",
                Values = new ExprMap { ["extraSecretMounts"] = new ExprList([new ExprMap { ["secretName"] = "alertmanager-webhooks" }]) },
            });
            // Charts that turn the value into a Secret themselves are fine.
            program.Add("runner", new HelmRelease { Chart = "gitlab-runner", Values = new ExprMap { ["runnerToken"] = program.SecretConfig("runnerToken") } });
            program.Add("plain-config", new HelmRelease { Chart = "gatus", Values = new ExprMap { ["config"] = new ExprMap { ["ui"] = new ExprMap { ["title"] = "Status" } } } });
        });

        Assert.Equal(["alertmanager-old", "config-map"], findings);
    }

    /// <summary>An S3 bucket with every public-access block on (and no encryption setting of its own).</summary>
    internal static void BlockedS3Bucket(ProgramBuilder program, string name)
    {
        var bucket = program.Add(name, new S3Bucket());
        program.Add($"{name}-pab", new S3BucketPublicAccessBlock
        {
            Bucket = bucket.Id,
            BlockPublicAcls = true,
            BlockPublicPolicy = true,
            IgnorePublicAcls = true,
            RestrictPublicBuckets = true,
        });
    }

    /// <summary>A Traefik Ingress of one host; the security gate tests declare theirs with it too.</summary>
    internal static KubernetesIngress Ingress(string host, (string Key, string Value)[] annotations, string? exactPath = null, bool tls = true, string entryPoints = "websecure") => new()
    {
        Metadata = new ObjectMeta
        {
            Name = "ui",
            Annotations = annotations.Append(("traefik.ingress.kubernetes.io/router.entrypoints", entryPoints))
                .ToImmutableSortedDictionary(pair => pair.Item1, pair => pair.Item2, StringComparer.Ordinal),
        },
        Spec = new ExprMap
        {
            ["tls"] = tls ? new ExprList([new ExprMap { ["hosts"] = new ExprList([host]), ["secretName"] = "ui-tls" }]) : new ExprList([]),
            ["rules"] = new ExprList(
            [
                new ExprMap
                {
                    ["host"] = host,
                    ["http"] = new ExprMap
                    {
                        ["paths"] = new ExprList([new ExprMap { ["path"] = exactPath ?? "/", ["pathType"] = exactPath is null ? "Prefix" : "Exact" }]),
                    },
                },
            ]),
        },
    };

    private static HelmRelease Grafana(bool anonymous) => new()
    {
        Chart = "grafana",
        Values = new ExprMap { ["grafana.ini"] = new ExprMap { ["auth.anonymous"] = new ExprMap { ["enabled"] = anonymous } } },
    };

    private static KubernetesCluster Kapsule() => new() { Version = "1.35", Cni = "cilium", DeleteAdditionalResources = false };

    private static HelmRelease Runner(ExprMap rbac) => new() { Chart = "gitlab-runner", Values = new ExprMap { ["rbac"] = rbac } };

    private static ExprMap Rule(string resource, string verb) => new()
    {
        ["apiGroups"] = new ExprList([""]),
        ["resources"] = new ExprList([resource]),
        ["verbs"] = new ExprList([verb]),
    };

    /// <summary>The resources one check reports in a schema-valid program, each once, in name order.</summary>
    /// <summary>
    /// The rules read roles from the provider catalog: OVHcloud buckets and API servers (known from its provider
    /// file only) are checked like S3, Kapsule and EKS ones. Declared with Scaleway builders, then given the
    /// OVHcloud tokens and inputs (@ovhcloud/pulumi-ovh 2.12 schema), since the program emits no OVHcloud resource.
    /// </summary>
    [Theory]
    [InlineData("SEC002", new[] { "ovh-bucket" })]
    [InlineData("SEC003", new[] { "ovh-bucket", "ovh-encrypted" })]
    [InlineData("SEC005", new[] { "ovh-bare", "ovh-open" })]
    public void Bucket_and_api_server_rules_check_another_provider_by_role(string checkId, string[] expected)
    {
        var builder = new ProgramBuilder("security");
        builder.Add("ovh-bare", Kapsule());
        var open = builder.Add("ovh-open", Kapsule());
        builder.Add("ovh-open-ips", new KubernetesAcl { ClusterId = open.Id, AclRules = [new AclRule { Ip = "203.0.113.0/24" }, new AclRule { Ip = "0.0.0.0/0" }] });
        var listed = builder.Add("ovh-listed", Kapsule());
        builder.Add("ovh-listed-ips", new KubernetesAcl { ClusterId = listed.Id, AclRules = [new AclRule { Ip = "203.0.113.0/24" }] });
        builder.Add("ovh-bucket", new ObjectBucket());
        builder.Add("ovh-encrypted", new ObjectBucket());
        var scalewayProgram = builder.Build();
        var program = scalewayProgram with { Resources = [.. scalewayProgram.Resources.Select(AsOvhCloud)] };

        var findings = SecurityBaseline.Checks.Single(check => check.Id == checkId).Check(program);

        Assert.Equal(expected, findings.Select(finding => finding.Resource).Distinct().Order(StringComparer.Ordinal));
    }

    private static ResourceDeclaration AsOvhCloud(ResourceDeclaration resource) => resource.LogicalName switch
    {
        "ovh-bare" or "ovh-open" or "ovh-listed" => resource with
        {
            Type = "ovh:CloudProject/kube:Kube",
            Properties = new ExprMap { ["serviceName"] = "5b0c7e2f9a4d4c1e8f3a6b9d2e7c1a40", ["region"] = "GRA11" },
        },
        "ovh-open-ips" or "ovh-listed-ips" => resource with
        {
            Type = "ovh:CloudProject/kubeIpRestrictions:KubeIpRestrictions",
            Properties = new ExprMap
            {
                ["serviceName"] = "5b0c7e2f9a4d4c1e8f3a6b9d2e7c1a40",
                ["kubeId"] = resource.Property("clusterId")!,
                ["ips"] = new ExprList([.. ((ExprList)resource.Property("aclRules")!).Items.Select(rule => ((ExprMap)rule).GetValueOrDefault("ip")!)]),
            },
        },
        _ => resource with
        {
            Type = "ovh:CloudProject/storage:Storage",
            Properties = resource.LogicalName == "ovh-encrypted"
                ? new ExprMap { ["regionName"] = "GRA", ["encryption"] = new ExprMap { ["sseAlgorithm"] = "AES256" } }
                : new ExprMap { ["regionName"] = "GRA" },
        },
    };

    private static IEnumerable<string> Findings(string checkId, Action<ProgramBuilder> declare)
    {
        var builder = new ProgramBuilder("security");
        declare(builder);
        var program = builder.Build();
        Assert.Empty(ProviderSchema.Load().Validate(program));
        var check = SecurityBaseline.Checks.Single(check => check.Id == checkId);
        var findings = check.Check(program).ToList();
        Assert.All(findings, finding => Assert.Equal(checkId, finding.CheckId));
        return findings.Select(finding => finding.Resource).Distinct().Order(StringComparer.Ordinal);
    }
}
