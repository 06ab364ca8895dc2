using System.Collections.Immutable;
using CloudIam.Infra.Components.Isolation;
using CloudIam.Infra.Platform;
using CloudIam.Infra.Security;
using CloudIam.Pulumi.Providers;
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
        var ids = SecurityBaseline.Checks.Select(check => check.Id).ToList();
        Assert.All(ids, id => Assert.Matches("^SEC[0-9]{3}$", id));
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(SecurityBaseline.Checks, check => Assert.False(string.IsNullOrWhiteSpace(check.Title) || string.IsNullOrWhiteSpace(check.Why)));
    }

    [Fact]
    public void SEC001_trips_on_admin_ports_open_to_the_world()
    {
        var findings = Findings("SEC001", _ => { },
            AwsGroup("ssh-world", new ExprMap { ["fromPort"] = 20, ["toPort"] = 25, ["protocol"] = "tcp", ["cidrBlocks"] = new ExprList(["0.0.0.0/0"]) }),
            AwsGroup("https-world", new ExprMap { ["fromPort"] = 443, ["toPort"] = 443, ["protocol"] = "tcp", ["cidrBlocks"] = new ExprList(["0.0.0.0/0"]) }),
            AwsGroup("from-group", new ExprMap { ["fromPort"] = 22, ["toPort"] = 22, ["protocol"] = "tcp", ["securityGroups"] = new ExprList(["sg-2"]) }),
            Raw("api-vpn", AwsIngressRule, new ExprMap { ["securityGroupId"] = "sg-1", ["ipProtocol"] = "tcp", ["fromPort"] = 6443, ["toPort"] = 6443, ["cidrIpv4"] = "203.0.113.0/24" }),
            Raw("all-v6", AwsIngressRule, new ExprMap { ["securityGroupId"] = "sg-1", ["ipProtocol"] = "-1", ["cidrIpv6"] = "::/0" }),
            ScalewayGroup("scw-open", "drop", new ExprMap { ["action"] = "accept", ["portRange"] = "3380-3390" }),
            ScalewayGroup("scw-default", policy: null),
            ScalewayGroup("scw-closed", "drop", new ExprMap { ["action"] = "accept", ["port"] = 22, ["ipRange"] = "203.0.113.0/24" }, new ExprMap { ["action"] = "accept", ["protocol"] = "ICMP" }),
            ScalewayGroup("scw-dropping", "drop", new ExprMap { ["action"] = "drop", ["port"] = 22 }),
            Raw("scw-rules", "scaleway:instance/securityGroupRules:SecurityGroupRules", new ExprMap
            {
                ["securityGroupId"] = "fr-par-1/x",
                ["inboundRules"] = new ExprList([new ExprMap { ["action"] = "accept", ["port"] = 10250 }]),
            }));

        Assert.Equal(["all-v6", "scw-default", "scw-open", "scw-rules", "ssh-world"], findings);
    }

    [Theory]
    [InlineData("", "its provider file does not say how")]
    [InlineData("firewall:\n  rules: [rules]\n  source: [cidr]\n  fromPort: [port]\n  toPort: [port]\n", "accepts an administration port from everywhere")]
    public void SEC001_reads_the_firewalls_of_a_provider_added_as_data(string firewallSection, string message)
    {
        using var provider = new TemporaryProviderFile("name: acme\npackages: [acme]\nroles:\n  firewall: [acme:net/firewall:Firewall]\n" + firewallSection);
        var check = new AdminPortsClosedToTheWorld(ProviderCatalog.Shipped.With(provider.Path));
        var rule = new ExprMap { ["cidr"] = "0.0.0.0/0", ["port"] = 22 };
        var program = new ProgramBuilder("acme").Build() with
        {
            Resources = [Raw("acme-fw", "acme:net/firewall:Firewall", new ExprMap { ["rules"] = new ExprList([rule]) })],
        };

        var finding = Assert.Single(check.Check(program));

        Assert.Equal("acme-fw", finding.Resource);
        Assert.Contains(message, finding.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A provider known only from a data file: what SEC002, SEC003, SEC005, SEC006, SEC011, SEC012 and SEC016–SEC019 require
    /// of its clusters, node pools, subnets, IAM resources and buckets is said in its <c>security</c> section, under its
    /// own input names, roles and tokens, including what its IAM resources must not grant.
    /// </summary>
    private const string AcmeProvider = """
        name: acme
        packages: [acme]
        roles:
          cluster: [acme:k8s/cluster:Cluster]
          access-entry: [acme:k8s/grant:Grant]
          log-group: [acme:logs/sink:Sink]
          bucket: [acme:store/bucket:Bucket]
          bucket-policy: [acme:store/policy:Policy]
          bucket-access: [acme:store/share:Share]
          node-pool: [acme:k8s/pool:Pool]
          subnet: [acme:net/subnet:Subnet]
          iam-policy: [acme:iam/policy:Policy]
          iam-attachment: [acme:iam/grant:Grant]
        security:
          clusterAdmins:
            apiAuthentication: {path: auth.mode, values: [iam]}
            noBootstrapAdmin: {path: auth.creatorAdmin, values: ["false"]}
            accessEntries: {on: access-entry, via: [clusterId]}
          secretsEncryption:
            secrets: {path: etcd.encrypt, values: [secrets]}
            key: {path: etcd.keyId}
          controlPlaneLogs:
            logTypes: {path: logs, values: [api, audit]}
            retention: {on: log-group, named: "name=cp-{name}", path: days}
          stateBucket:
            versioned: {path: versioned, values: ["true"]}
            deployOnly: {on: bucket-policy, via: [bucketId], key: principal}
            tlsOnly: {on: bucket-policy, via: [bucketId], key: secureTransport, values: ["false"]}
            replicated: {notOffered: acme has a single region}
          bucketEncryption:
            algorithm: {path: encryption.algorithm}
          bucketPrivate:
            ownerOnly: {on: bucket-access, via: [bucketId], path: audience, values: [owner]}
            noOtherShare: {on: bucket-access, via: [bucketId], path: audience, forbidden: ['^(?!owner$)']}
          leastPrivilege:
            builtIn: {on: iam-attachment, path: role, forbidden: ['^owner$']}
            verbs: {on: iam-policy, key: verb, forbidden: ['^all$', '\.\*$']}
          apiAllowList:
            privateEndpoint: {path: api.public, values: ["false"]}
            ranges: {path: api.sources}
          nodeAddresses:
            publicIpOff: {path: noPublicIp, values: ["true"]}
            subnets: {path: subnets}
            publicSubnet: {on: subnet, path: public, forbidden: ['^true$']}
        """;

    [Theory]
    [InlineData("SEC002", "weak-state", 1)]
    [InlineData("SEC003", "weak-state", 2)]
    [InlineData("SEC012", "weak-cluster", 3)]
    [InlineData("SEC016", "weak-state", 3)]
    [InlineData("SEC017", "weak-cluster", 2)]
    [InlineData("SEC018", "weak-cluster", 2)]
    public void Cluster_and_bucket_rules_read_what_a_provider_added_as_data_requires(string checkId, string weak, int problems)
    {
        var scratch = new ProgramBuilder("refs");
        var strongCluster = scratch.Add("strong-cluster", new KmsKey()).Id;
        var strongState = scratch.Add("strong-state", new KmsKey()).Id;
        var weakState = scratch.Add("weak-state", new KmsKey()).Id;
        var state = new ExprMap { [StateBucket.PurposeKey] = StateBucket.Purpose };
        var policy = new ExprMap
        {
            ["statements"] = new ExprList([new ExprMap { ["deny"] = new ExprMap { ["secureTransport"] = "false", ["principal"] = "arn:deploy" } }]),
        };
        ResourceDeclaration[] resources =
        [
            // Logs of one type only, to a sink without retention, named after no literal name.
            Raw("weak-cluster", "acme:k8s/cluster:Cluster", new ExprMap
            {
                ["auth"] = new ExprMap { ["mode"] = "token" },
                ["etcd"] = new ExprMap { ["encrypt"] = new ExprList(["configmaps"]) },
                ["logs"] = new ExprList(["api"]),
            }),
            Raw("weak-grant", "acme:k8s/grant:Grant", new ExprMap { ["clusterId"] = "weak-cluster" }),
            Raw("weak-sink", "acme:logs/sink:Sink", new ExprMap { ["name"] = "cp-weak" }),
            Raw("strong-cluster", "acme:k8s/cluster:Cluster", new ExprMap
            {
                ["name"] = "strong",
                ["auth"] = new ExprMap { ["mode"] = "iam", ["creatorAdmin"] = false },
                ["etcd"] = new ExprMap { ["encrypt"] = new ExprList(["secrets"]), ["keyId"] = "key-1" },
                ["logs"] = new ExprList(["audit", "scheduler", "api"]),
            }),
            Raw("strong-grant", "acme:k8s/grant:Grant", new ExprMap { ["clusterId"] = strongCluster }),
            Raw("strong-sink", "acme:logs/sink:Sink", new ExprMap { ["name"] = "cp-strong", ["days"] = 90 }),
            Raw("weak-state", "acme:store/bucket:Bucket", new ExprMap { ["tags"] = state, ["versioned"] = false }),
            // A policy naming the weak bucket by a literal, not a reference: not proven to be its policy.
            Raw("weak-policy", "acme:store/policy:Policy", policy.SetItem("bucketId", "weak-state")),
            Raw("strong-state", "acme:store/bucket:Bucket", new ExprMap
            {
                ["tags"] = state,
                ["versioned"] = true,
                ["encryption"] = new ExprMap { ["algorithm"] = "AES256" },
            }),
            Raw("strong-policy", "acme:store/policy:Policy", policy.SetItem("bucketId", strongState)),
            // Shared with the world only: not owner-only, and a share the file forbids.
            Raw("weak-share", "acme:store/share:Share", new ExprMap { ["bucketId"] = weakState, ["audience"] = "public" }),
            Raw("strong-share", "acme:store/share:Share", new ExprMap { ["bucketId"] = strongState, ["audience"] = "owner" }),
        ];
        using var provider = new TemporaryProviderFile(AcmeProvider);
        var check = Check(checkId, ProviderCatalog.Shipped.With(provider.Path));

        var findings = check.Check(new ProgramBuilder("acme").Build() with { Resources = [.. resources] }).ToList();

        Assert.All(findings, finding => Assert.Equal(weak, finding.Resource));
        Assert.Equal(problems, findings.Count);
    }

    [Theory]
    [InlineData("SEC005", new[] { "world-cluster" })]
    [InlineData("SEC006", new[] { "owner-grant", "star-policy" })]
    [InlineData("SEC011", new[] { "wide-cluster", "world-cluster" })]
    [InlineData("SEC019", new[] { "bare-pool", "public-pool", "subnet-public-pool" })]
    public void Network_and_privilege_rules_read_what_a_provider_added_as_data_names(string checkId, string[] expected)
    {
        var scratch = new ProgramBuilder("refs");
        var publicSubnet = scratch.Add("public-subnet", new KmsKey()).Id;
        var privateSubnet = scratch.Add("private-subnet", new KmsKey()).Id;
        ExprMap Api(params string[] sources) => new() { ["api"] = new ExprMap { ["sources"] = new ExprList([.. sources.Select(source => (Expr)source)]) } };
        ExprMap Statement(string verb) => new() { ["statements"] = new ExprList([new ExprMap { ["verb"] = new ExprList(["read", verb]) }]) };
        ResourceDeclaration[] resources =
        [
            Raw("world-cluster", "acme:k8s/cluster:Cluster", Api("0.0.0.0/0")),
            Raw("wide-cluster", "acme:k8s/cluster:Cluster", Api("10.0.0.0/8")),
            Raw("listed-cluster", "acme:k8s/cluster:Cluster", Api("203.0.113.0/24")),
            Raw("private-cluster", "acme:k8s/cluster:Cluster", new ExprMap { ["api"] = new ExprMap { ["public"] = false } }),
            Raw("owner-grant", "acme:iam/grant:Grant", new ExprMap { ["role"] = "owner" }),
            Raw("viewer-grant", "acme:iam/grant:Grant", new ExprMap { ["role"] = "viewer" }),
            Raw("star-policy", "acme:iam/policy:Policy", Statement("storage.*")),
            Raw("listed-policy", "acme:iam/policy:Policy", Statement("storage.get")),
            Raw("public-subnet", "acme:net/subnet:Subnet", new ExprMap { ["public"] = true }),
            Raw("private-subnet", "acme:net/subnet:Subnet", new ExprMap { ["public"] = false }),
            Raw("public-pool", "acme:k8s/pool:Pool", new ExprMap { ["noPublicIp"] = false }),
            Raw("private-pool", "acme:k8s/pool:Pool", new ExprMap { ["noPublicIp"] = true }),
            Raw("subnet-public-pool", "acme:k8s/pool:Pool", new ExprMap { ["subnets"] = new ExprList([privateSubnet, publicSubnet]) }),
            Raw("subnet-private-pool", "acme:k8s/pool:Pool", new ExprMap { ["subnets"] = new ExprList([privateSubnet]) }),
            Raw("bare-pool", "acme:k8s/pool:Pool", new ExprMap()),
        ];
        using var provider = new TemporaryProviderFile(AcmeProvider);
        var check = Check(checkId, ProviderCatalog.Shipped.With(provider.Path));

        var findings = check.Check(new ProgramBuilder("acme").Build() with { Resources = [.. resources] }).ToList();

        Assert.Equal(expected, findings.Select(finding => finding.Resource).Distinct().Order(StringComparer.Ordinal));
        Assert.DoesNotContain(findings, finding => finding.Message.StartsWith("cannot verify", StringComparison.Ordinal));
    }

    [Fact]
    public void SEC006_names_what_the_provider_file_forbids_and_the_fix_it_gives()
    {
        var findings = SecurityBaseline.Checks.Single(check => check.Id == "SEC006").Check(new ProgramBuilder("security").Build() with
        {
            Resources =
            [
                Raw("admin", "aws:iam/rolePolicyAttachment:RolePolicyAttachment", new ExprMap { ["role"] = "nodes", ["policyArn"] = "arn:aws:iam::aws:policy/AdministratorAccess" }),
                Raw("org", "scaleway:iam/policy:Policy", new ExprMap
                {
                    ["rules"] = new ExprList([new ExprMap { ["permissionSetNames"] = new ExprList(["ObjectStorageReadOnly", "IAMManager"]) }]),
                }),
            ],
        });

        Assert.Equal(
            [
                "SEC006 admin: policyArn is arn:aws:iam::aws:policy/AdministratorAccess (forbidden): attach a narrower managed or inline policy",
                "SEC006 org: permissionSetNames is IAMManager (forbidden): grant the permission sets of the products the job needs, scoped to its project",
            ],
            findings.Select(finding => finding.ToString()));
    }

    /// <summary>
    /// A provider file that says nothing of a subject leaves its clusters and state buckets unverifiable, which is a
    /// finding; one that says the provider does not offer it makes the rule not apply there.
    /// </summary>
    [Theory]
    [InlineData("SEC002", "bucketEncryption", "bucket")]
    [InlineData("SEC003", "bucketPrivate", "bucket")]
    [InlineData("SEC012", "clusterAdmins", "cluster")]
    [InlineData("SEC016", "stateBucket", "bucket")]
    [InlineData("SEC017", "secretsEncryption", "cluster")]
    [InlineData("SEC018", "controlPlaneLogs", "cluster")]
    [InlineData("SEC006", "leastPrivilege", "grant")]
    [InlineData("SEC019", "nodeAddresses", "pool")]
    public void A_subject_the_provider_file_omits_is_reported_and_one_it_does_not_offer_is_not_applicable(string checkId, string subject, string resource)
    {
        const string Roles = "name: bare\npackages: [bare]\nroles:\n  cluster: [bare:k8s/cluster:Cluster]\n  bucket: [bare:store/bucket:Bucket]\n"
            + "  node-pool: [bare:k8s/pool:Pool]\n  iam-attachment: [bare:iam/grant:Grant]\n";
        var program = new ProgramBuilder("bare").Build() with
        {
            Resources =
            [
                Raw("cluster", "bare:k8s/cluster:Cluster", new ExprMap()),
                Raw("bucket", "bare:store/bucket:Bucket", new ExprMap { ["tags"] = new ExprMap { [StateBucket.PurposeKey] = StateBucket.Purpose } }),
                Raw("pool", "bare:k8s/pool:Pool", new ExprMap()),
                Raw("grant", "bare:iam/grant:Grant", new ExprMap { ["role"] = "owner" }),
            ],
        };
        using var silent = new TemporaryProviderFile(Roles);
        using var notOffered = new TemporaryProviderFile(Roles + $"security:\n  {subject}:\n    notOffered: bare has no such setting\n");

        var unverified = Check(checkId, ProviderCatalog.Shipped.With(silent.Path)).Check(program).ToList();
        var notApplicable = Check(checkId, ProviderCatalog.Shipped.With(notOffered.Path)).Check(program);

        Assert.NotEmpty(unverified);
        Assert.All(unverified, finding =>
        {
            Assert.Equal(resource, finding.Resource);
            Assert.StartsWith($"cannot verify {subject}", finding.Message, StringComparison.Ordinal);
            Assert.Contains("the bare provider file", finding.Message, StringComparison.Ordinal);
        });
        Assert.Empty(notApplicable);
    }

    /// <summary>The shipped check of that ID, built again over another catalog.</summary>
    private static ISecurityCheck Check(string checkId, ProviderCatalog providers) => checkId switch
    {
        "SEC002" => new BucketsEncrypted(providers),
        "SEC003" => new BucketsNotPublic(providers),
        "SEC005" => new KubernetesApiAllowList(providers),
        "SEC006" => new RunnersLeastPrivilege(providers),
        "SEC011" => new ApiAllowListsNameSources(providers),
        "SEC019" => new NodesWithoutPublicAddresses(providers),
        "SEC012" => new ClusterAdminsExplicit(providers),
        "SEC016" => new StateBucketsHardened(providers),
        "SEC017" => new ClusterSecretsEncrypted(providers),
        "SEC018" => new ControlPlaneLogsKept(providers),
        _ => throw new ArgumentOutOfRangeException(nameof(checkId), checkId, null),
    };

    private sealed class TemporaryProviderFile : IDisposable
    {
        public TemporaryProviderFile(string text) => File.WriteAllText(Path, text);

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"provider-{Guid.NewGuid():N}.yaml");

        public void Dispose() => File.Delete(Path);
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
            var mixed = program.Add("mixed", new ObjectBucket());
            program.Add("mixed-private-acl", new ObjectBucketAcl { Bucket = mixed.Name(), Acl = "private" });
            program.Add("mixed-public-acl", new ObjectBucketAcl { Bucket = mixed.Name(), Acl = "public-read" });
        });

        Assert.Equal(["mixed", "no-acl", "partly-blocked", "published"], findings);
    }

    [Fact]
    public void SEC004_trips_on_ec2_without_imdsv2()
    {
        var findings = Findings("SEC004", program =>
        {
            program.Add("optional", new Ec2LaunchTemplate { MetadataOptions = new InstanceMetadataOptions { HttpTokens = "optional" } });
            var v2 = program.Add("v2", new Ec2LaunchTemplate { MetadataOptions = new InstanceMetadataOptions { HttpTokens = "required" } });
            program.Add("nodes-default", NodeGroup());
            program.Add("nodes-templated", NodeGroup() with { LaunchTemplate = new EksNodeGroupLaunchTemplate { Id = v2.Id, Version = "1" } });
            var kapsule = program.Add("kapsule", Kapsule());
            // Scaleway's metadata service hands out no credentials: its pools need no template.
            program.Add("kapsule-pool", new KubernetesPool { ClusterId = kapsule.Id, NodeType = "PRO2-S", Size = 1, PublicIpDisabled = true });
        },
            Raw("v1", AwsInstance, new ExprMap { ["ami"] = "ami-1", ["instanceType"] = "t3.micro" }),
            Raw("off", AwsInstance, new ExprMap { ["metadataOptions"] = new ExprMap { ["httpEndpoint"] = "disabled" } }));

        Assert.Equal(["nodes-default", "optional", "v1"], findings);
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

    [Fact]
    public void SEC011_trips_on_scaleway_ranges_and_wide_allow_lists()
    {
        var findings = Findings("SEC011", program =>
        {
            var cluster = program.Add("kapsule", Kapsule());
            program.Add("acl-ranges", new KubernetesAcl { ClusterId = cluster.Id, AclRules = [new AclRule { ScalewayRanges = true }] });
            program.Add("acl-wide", new KubernetesAcl { ClusterId = cluster.Id, AclRules = [new AclRule { Ip = "198.51.0.0/16" }] });
            program.Add("acl-named", new KubernetesAcl { ClusterId = cluster.Id, AclRules = [new AclRule { Ip = "203.0.113.0/24" }, new AclRule { Ip = "192.0.2.10/32" }] });
            program.Add("eks-wide", Eks() with { VpcConfig = new EksVpcConfig { SubnetIds = ["subnet-1"], PublicAccessCidrs = ["203.0.113.0/24", "10.0.0.0/8"] } });
            program.Add("eks-named", Eks() with { VpcConfig = new EksVpcConfig { SubnetIds = ["subnet-1"], PublicAccessCidrs = ["203.0.113.0/24"] } });
        });

        Assert.Equal(["acl-ranges", "acl-wide", "eks-wide"], findings);
    }

    [Fact]
    public void SEC012_trips_on_bootstrap_admins_and_clusters_nobody_is_admitted_to()
    {
        var findings = Findings("SEC012", program =>
        {
            program.Add("default-access", Eks());
            program.Add("no-entries", Eks() with { AccessConfig = new EksAccessConfig { AuthenticationMode = "API", BootstrapClusterCreatorAdminPermissions = false } });
            var configMap = program.Add("config-map", Eks() with { AccessConfig = new EksAccessConfig { AuthenticationMode = "API_AND_CONFIG_MAP", BootstrapClusterCreatorAdminPermissions = false } });
            program.Add("config-map-entry", new EksAccessEntry { ClusterName = configMap.Name(), PrincipalArn = "arn:aws:iam::111122223333:role/deploy" });
            var explicitAdmins = program.Add("explicit", Eks() with { AccessConfig = new EksAccessConfig { AuthenticationMode = "API", BootstrapClusterCreatorAdminPermissions = false } });
            program.Add("explicit-entry", new EksAccessEntry { ClusterName = explicitAdmins.Name(), PrincipalArn = "arn:aws:iam::111122223333:role/deploy" });
        });

        Assert.Equal(["config-map", "default-access", "no-entries"], findings);
    }

    [Fact]
    public void SEC013_trips_on_namespaces_without_a_default_deny_policy()
    {
        var findings = Findings("SEC013", program =>
        {
            program.Add("open", Namespace("open"));
            var partial = program.Add("ingress-only", Namespace("ingress-only"));
            program.Add("ingress-only-deny", Policy(partial.MetadataName(), new NetworkPolicySpec { PodSelector = new LabelSelector(), PolicyTypes = ["Ingress"] }));
            var allowing = program.Add("allow-all", Namespace("allow-all"));
            program.Add("allow-all-policy", Policy(allowing.MetadataName(), new NetworkPolicySpec
            {
                PodSelector = new LabelSelector(),
                PolicyTypes = ["Ingress", "Egress"],
                Ingress = [new NetworkPolicyIngressRule()],
            }));
            var denied = program.Add("denied", Namespace("denied"));
            program.Add("denied-policy", Policy(denied.MetadataName(), new NetworkPolicySpec { PodSelector = new LabelSelector(), PolicyTypes = ["Ingress", "Egress"] }));
            program.Add("by-name", Namespace("by-name"));
            program.Add("by-name-policy", Policy("by-name", new NetworkPolicySpec { PodSelector = new LabelSelector(), PolicyTypes = ["Egress", "Ingress"] }));
        });

        Assert.Equal(["allow-all", "ingress-only", "open"], findings);
    }

    [Fact]
    public void SEC014_trips_on_namespaces_without_a_pod_security_level_or_a_reason()
    {
        var findings = Findings("SEC014", program =>
        {
            program.Add("unlabelled", Namespace("unlabelled"));
            program.Add("restricted", Namespace("restricted", "restricted"));
            program.Add("baseline-silent", Namespace("baseline-silent", "baseline"));
            program.Add("baseline-said", Namespace("baseline-said", "baseline", "hostPath for node logs"));
            program.Add("privileged-silent", Namespace("privileged-silent", "privileged"));
            program.Add("typo", Namespace("typo", "restrictd", "x"));
        });

        Assert.Equal(["baseline-silent", "privileged-silent", "typo", "unlabelled"], findings);
    }

    [Fact]
    public void SEC015_trips_on_runners_that_do_not_contain_their_jobs()
    {
        const string contained = """
            [[runners]]
              [runners.kubernetes]
                namespace = "ci-jobs"
                allow_privilege_escalation = false
                automount_service_account_token = false
                cpu_limit = "2"
                memory_limit = "4Gi"
                allowed_images = ["docker.io/library/alpine:*"]
                [runners.kubernetes.pod_security_context]
                  run_as_non_root = true
                [runners.kubernetes.node_selector]
                  "cloudiam.io/pool" = "ci-jobs"
                [runners.kubernetes.node_tolerations]
                  "cloudiam.io/ci-jobs=true" = "NoSchedule"
            """;
        var findings = Findings("SEC015", program =>
        {
            program.Add("contained", RunnerConfig(contained));
            program.Add("same-namespace", RunnerConfig(contained.Replace("\"ci-jobs\"\n", "\"{{.Release.Namespace}}\"\n", StringComparison.Ordinal)));
            program.Add("privileged", RunnerConfig(contained + "\n    privileged = true"));
            program.Add("escalating", RunnerConfig(contained.Replace("allow_privilege_escalation = false", "allow_privilege_escalation = true", StringComparison.Ordinal)));
            program.Add("token", RunnerConfig(contained.Replace("automount_service_account_token = false", "", StringComparison.Ordinal)));
            program.Add("root", RunnerConfig(contained.Replace("run_as_non_root = true", "run_as_user = 0", StringComparison.Ordinal)));
            program.Add("unlimited", RunnerConfig(contained.Replace("memory_limit = \"4Gi\"", "", StringComparison.Ordinal)));
            program.Add("any-image", RunnerConfig(contained.Replace("allowed_images", "# allowed_images", StringComparison.Ordinal)));
            program.Add("any-node", RunnerConfig(contained.Replace("[runners.kubernetes.node_tolerations]", "", StringComparison.Ordinal)));
            program.Add("default-config", new HelmRelease { Chart = "gitlab-runner", Namespace = "ci-runners" });
        });

        Assert.Equal(["any-image", "any-node", "default-config", "escalating", "privileged", "root", "same-namespace", "token", "unlimited"], findings);
    }

    [Theory]
    [MemberData(nameof(CloudIamProgramTests.Stacks), MemberType = typeof(CloudIamProgramTests))]
    public void The_state_program_passes_the_whole_baseline_and_the_schema(string stack)
    {
        var config = Repository.Stack(stack);
        if (config.State is not { } state)
        {
            return;
        }

        var program = StateProgram.Build(config, state);

        Assert.Empty(ProviderSchema.Load().Validate(program));
        Assert.Empty(SecurityBaseline.Run(program));
        Assert.Equal(2, program.OfType<S3Bucket>().Count());
        Assert.Single(program.OfType<ObjectBucket>());
    }

    [Fact]
    public void SEC016_trips_on_state_buckets_that_are_not_hardened()
    {
        var findings = Findings("SEC016", program =>
        {
            var state = ImmutableSortedDictionary.Create<string, string>().Add(StateBucket.PurposeKey, StateBucket.Purpose);
            program.Add("plain-state", new S3Bucket { Tags = state });
            program.Add("tooling", new S3Bucket());
            var hardened = program.Add("hardened", new S3Bucket { Tags = state });
            var replica = program.Add("replica", new S3Bucket { Tags = state });
            foreach (var bucket in new[] { hardened, replica })
            {
                program.Add($"{bucket.LogicalName}-versioning", new S3BucketVersioning { Bucket = bucket.Id, VersioningConfiguration = new S3VersioningConfiguration { Status = "Enabled" } });
                program.Add($"{bucket.LogicalName}-policy", new S3BucketPolicy
                {
                    Bucket = bucket.Id,
                    Policy = Input.Json(new ExprMap
                    {
                        ["Statement"] = new ExprList(
                        [
                            new ExprMap { ["Effect"] = "Deny", ["Condition"] = new ExprMap { ["Bool"] = new ExprMap { ["aws:SecureTransport"] = "false" } } },
                            new ExprMap { ["Effect"] = "Deny", ["Condition"] = new ExprMap { ["ArnNotEquals"] = new ExprMap { ["aws:PrincipalArn"] = "arn:deploy" } } },
                        ]),
                    }),
                });
            }

            program.Add("replication", new S3BucketReplicationConfig
            {
                Bucket = hardened.Id,
                Role = "arn:role",
                Rules = [new S3ReplicationRule { Status = "Enabled", Destination = new S3ReplicationDestination { Bucket = replica.Arn() } }],
            });
            program.Add("scw-unversioned", new ObjectBucket { Tags = state });
            var scw = program.Add("scw-state", new ObjectBucket { Tags = state, Versioning = new BucketVersioning { Enabled = true } });
            program.Add("scw-state-policy", new ObjectBucketPolicy { Bucket = scw.Name(), Policy = "{}" });
        });

        Assert.Equal(["plain-state", "scw-unversioned"], findings);
    }

    [Fact]
    public void SEC017_trips_on_eks_without_secrets_encryption()
    {
        var findings = Findings("SEC017", program =>
        {
            program.Add("plain", Eks());
            program.Add("no-secrets", Eks() with { EncryptionConfig = new EksEncryptionConfig { Provider = new EksEncryptionProvider { KeyArn = "arn:key" }, Resources = [] } });
            var key = program.Add("key", new KmsKey { EnableKeyRotation = true });
            program.Add("encrypted", Eks() with { EncryptionConfig = new EksEncryptionConfig { Provider = new EksEncryptionProvider { KeyArn = key.Arn() }, Resources = ["secrets"] } });
        });

        Assert.Equal(["no-secrets", "plain"], findings);
    }

    [Fact]
    public void SEC018_trips_on_missing_log_types_or_a_log_group_without_retention()
    {
        var findings = Findings("SEC018", program =>
        {
            program.Add("three-types", Eks() with { Name = "three", EnabledClusterLogTypes = ["api", "audit", "authenticator"] });
            program.Add("three-logs", new CloudWatchLogGroup { Name = "/aws/eks/three/cluster", RetentionInDays = 90 });
            program.Add("forever", Eks() with { Name = "forever", EnabledClusterLogTypes = EksLogTypes });
            program.Add("forever-logs", new CloudWatchLogGroup { Name = "/aws/eks/forever/cluster" });
            program.Add("kept", Eks() with { Name = "kept", EnabledClusterLogTypes = EksLogTypes });
            program.Add("kept-logs", new CloudWatchLogGroup { Name = "/aws/eks/kept/cluster", RetentionInDays = 90 });
        });

        Assert.Equal(["forever", "three-types"], findings);
    }

    [Fact]
    public void SEC019_trips_on_nodes_with_public_addresses()
    {
        var findings = Findings("SEC019", program =>
        {
            var cluster = program.Add("kapsule", Kapsule());
            program.Add("public-pool", new KubernetesPool { ClusterId = cluster.Id, NodeType = "PRO2-S", Size = 1 });
            program.Add("private-pool", new KubernetesPool { ClusterId = cluster.Id, NodeType = "PRO2-S", Size = 1, PublicIpDisabled = true });
            var publicSubnet = program.Add("public-subnet", new Ec2Subnet { VpcId = "vpc-1", MapPublicIpOnLaunch = true });
            var privateSubnet = program.Add("private-subnet", new Ec2Subnet { VpcId = "vpc-1", MapPublicIpOnLaunch = false });
            program.Add("public-nodes", NodeGroup() with { SubnetIds = [privateSubnet.Id, publicSubnet.Id] });
            program.Add("private-nodes", NodeGroup() with { SubnetIds = [privateSubnet.Id] });
        });

        Assert.Equal(["public-nodes", "public-pool"], findings);
    }

    private static readonly ImmutableArray<string> EksLogTypes = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

    private static EksCluster Eks() => new() { RoleArn = "arn", VpcConfig = new EksVpcConfig { SubnetIds = ["subnet-1"] } };

    private static EksNodeGroup NodeGroup() => new()
    {
        ClusterName = "c",
        NodeRoleArn = "arn",
        SubnetIds = ["subnet-1"],
        ScalingConfig = new EksScalingConfig { DesiredSize = 1, MaxSize = 1, MinSize = 1 },
    };

    private static KubernetesNamespace Namespace(string name, string? level = null, string? reason = null) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = name,
            Labels = level is null ? null : ImmutableSortedDictionary.Create<string, string>().Add("pod-security.kubernetes.io/enforce", level),
            Annotations = reason is null ? null : ImmutableSortedDictionary.Create<string, string>().Add(NamespaceIsolation.ReasonAnnotation, reason),
        },
    };

    private static NetworkPolicy Policy(Input<string> ns, NetworkPolicySpec spec) => new() { Metadata = new ObjectMeta { Name = "p", Namespace = ns }, Spec = spec };

    private static HelmRelease RunnerConfig(string config) => new()
    {
        Chart = "gitlab-runner",
        Namespace = "ci-runners",
        Values = new ExprMap { ["runners"] = new ExprMap { ["config"] = config } },
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

    private const string AwsIngressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private const string AwsInstance = "aws:ec2/instance:Instance";

    /// <summary>
    /// A resource of a type the program never declares, so it has no builder: as another program or a state export
    /// would hold it. The schema check in <see cref="Findings"/> still holds it to the provider's real inputs.
    /// </summary>
    internal static ResourceDeclaration Raw(string name, string type, ExprMap properties) =>
        new() { LogicalName = name, Type = type, Properties = properties };

    private static ResourceDeclaration AwsGroup(string name, ExprMap rule) =>
        Raw(name, "aws:ec2/securityGroup:SecurityGroup", new ExprMap { ["ingress"] = new ExprList([rule]) });

    private static ResourceDeclaration ScalewayGroup(string name, string? policy, params ExprMap[] rules) =>
        Raw(name, "scaleway:instance/securityGroup:SecurityGroup", policy is null
            ? new ExprMap { ["inboundRules"] = new ExprList([.. rules]) }
            : new ExprMap { ["inboundDefaultPolicy"] = policy, ["inboundRules"] = new ExprList([.. rules]) });

    private static IEnumerable<string> Findings(string checkId, Action<ProgramBuilder> declare, params ResourceDeclaration[] raw)
    {
        var builder = new ProgramBuilder("security");
        declare(builder);
        var built = builder.Build();
        var program = built with { Resources = [.. built.Resources, .. raw] };
        Assert.Empty(ProviderSchema.Load().Validate(program));
        var check = SecurityBaseline.Checks.Single(check => check.Id == checkId);
        var findings = check.Check(program).ToList();
        Assert.All(findings, finding => Assert.Equal(checkId, finding.CheckId));
        return findings.Select(finding => finding.Resource).Distinct().Order(StringComparer.Ordinal);
    }
}
