using System.Collections.Frozen;
using CloudIam.Placement;
using CloudIam.Placement.Design;
using CloudIam.Pulumi.Inference;
using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.State;

namespace CloudIam.Pulumi.Tests.Providers;

public sealed class ProviderCatalogTests
{
    private static readonly ProviderCatalog Shipped = ProviderCatalog.Shipped;

    /// <summary>The shipped catalog with every role removed: what inference does when it knows no token.</summary>
    private static readonly ProviderCatalog Roleless =
        ProviderCatalog.Of(Shipped.Providers.Select(p => p with { Roles = FrozenDictionary<string, ResourceRole>.Empty }));

    /// <summary>A zone of each cloud provider, in the shape its zone pattern takes.</summary>
    private static readonly Dictionary<string, (string Zone, string Region)> Zones = new()
    {
        ["scaleway"] = ("fr-par-2", "fr-par"),
        ["aws"] = ("eu-central-1b", "eu-central-1"),
    };

    public static TheoryData<string, string, ResourceRole> PlacementRoles()
    {
        var data = new TheoryData<string, string, ResourceRole>();
        // Zonal providers only: OVHcloud names no zone input (its pools list zones), see OvhCloudTests.
        foreach (var provider in Shipped.Providers.Where(p => !p.Inputs.Zone.IsEmpty))
        {
            foreach (var (type, role) in provider.Roles.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                if (role is ResourceRole.Cluster or ResourceRole.NodePool or ResourceRole.PrivateNetwork or ResourceRole.Subnet)
                {
                    data.Add(provider.Name, type, role);
                }
            }
        }

        return data;
    }

    [Fact]
    public void Ships_one_file_per_provider_with_packages_services_and_status_page()
    {
        // At least these, so that adding a provider is its file and its tests only (README "Extending").
        Assert.Equal(typeof(ProviderCatalog).Assembly.GetManifestResourceNames().Count(name => name.StartsWith("providers/", StringComparison.Ordinal)), Shipped.Providers.Length);
        Assert.Superset(new HashSet<string> { "aws", "kubernetes", "ovh", "scaleway" }, Shipped.Providers.Select(p => p.Name).ToHashSet());
        Assert.Superset(new HashSet<string> { "aws", "ovh", "scaleway" }, Shipped.Services.Providers.ToHashSet());
        Assert.Equal(["dhcp", "private-dns", "kapsule-control-plane", "public-gateway", "iam"], Shipped.Services.ServicesOf("scaleway").Select(s => s.Name));
        Assert.Equal("https://status.scaleway.com/api/v2/status.json", Shipped.ByName("scaleway")?.Status?.Url);
        Assert.Equal(["[STATUS] == 200"], Shipped.ByName("aws")?.Status?.Conditions);
        Assert.Equal("kubernetes", Shipped.OfType("kubernetes:helm.sh/v3:Release")?.Name);
        Assert.True(Shipped.RunsOnCluster("kubernetes:core/v1:Namespace"));
        Assert.False(Shipped.RunsOnCluster("scaleway:kubernetes/cluster:Cluster"));
        Assert.Equal(ResourceRole.ApiAccessList, Shipped.RoleOf("scaleway:kubernetes/acl:Acl"));
        Assert.True(Shipped.IsGlobal("aws:iam/role:Role"));
        Assert.False(Shipped.IsGlobal("aws:s3/bucket:Bucket"));
    }

    [Theory]
    [InlineData("fr-par-1", "fr-par")]
    [InlineData("nl-ams-3", "nl-ams")]
    [InlineData("eu-west-3a", "eu-west-3")]
    [InlineData("us-gov-west-1b", "us-gov-west-1")]
    [InlineData("europe-west9-a", null)]
    [InlineData("GRA11", null)]
    public void Names_the_region_of_a_zone_by_the_provider_patterns(string zone, string? region) =>
        Assert.Equal(region, Shipped.RegionOfZone(zone));

    [Theory]
    [MemberData(nameof(PlacementRoles))]
    public void Inference_resolves_each_shipped_placement_token_by_its_role(string provider, string type, ResourceRole role)
    {
        var (zone, region) = Zones[provider];
        var definition = Shipped.ByName(provider)!;
        var urn = $"urn:pulumi:prod::p::{type}::it";
        var consumer = $$$"""{"urn": "urn:pulumi:prod::p::{{{provider}}}:x/consumer:Consumer::consumer", "custom": true, "type": "{{{provider}}}:x/consumer:Consumer", "propertyDependencies": {"{{{definition.Inputs.Subnet.FirstOrDefault()}}}": ["{{{urn}}}"]}}""";
        var export = Fixtures.Export(
            $$$"""{"urn": "{{{urn}}}", "custom": true, "type": "{{{type}}}", "inputs": {"{{{definition.Inputs.Zone[0]}}}": "{{{zone}}}"}}""",
            consumer);

        var known = Infer(export, Shipped);
        var unknown = Infer(export, Roleless);

        var it = known.Named("it").Placement!;
        Assert.Equal((provider, region, zone), (it.Provider, it.Region, it.Zone));
        switch (role)
        {
            case ResourceRole.Cluster or ResourceRole.NodePool:
                Assert.True(it.OnManagedKubernetes);
                Assert.False(unknown.Named("it").Placement!.OnManagedKubernetes);
                break;
            case ResourceRole.PrivateNetwork:
                Assert.Equal(["it"], it.Networks.ToArray());
                Assert.Empty(unknown.Named("it").Placement!.Networks);
                break;
            case ResourceRole.Subnet:
                Assert.Equal(zone, known.Named("consumer").Placement!.Zone);
                Assert.Null(unknown.Named("consumer").Placement!.Zone);
                break;
        }
    }

    [Theory]
    [InlineData("name: acme\npackages: [acme]\nregion: x\n", 3, "unknown key 'region'")]
    [InlineData("name: acme\npackages: [acme]\nroles:\n  cluster: [acme:k8s/cluster:Cluster]\n  clusterr: [acme:k8s/pool:Pool]\n", 5, "unknown role 'clusterr'")]
    [InlineData("name: acme\npackages: [acme]\nzoneRegion: '^(?<region>[a-z]+'\n", 3, "zoneRegion is not a valid regular expression")]
    [InlineData("name: acme\npackages: [acme]\n\napiServerHost: '\\.k8s\\.acme\\.example$'\n", 4, "apiServerHost needs a named group (?<region>...)")]
    [InlineData("name: acme\npackages: [acme]\ninputs:\n  region: [region]\n  zones: [zone]\n", 5, "unknown key 'zones'")]
    [InlineData("name: acme\npackages: [acme]\nroles:\n  cluster: [acme:k8s/cluster:Cluster]\n  node-pool: [acme:k8s/cluster:Cluster]\n", 5, "type 'acme:k8s/cluster:Cluster' has two roles")]
    [InlineData("name: acme\npackages: [acme]\nservices:\n  - name: dhcp\n    scope: zonal\n    usedBy: all\n    description: d\n", 4, "scope must be regional or global")]
    [InlineData("name: acme\npackages: [acme]\nfirewall:\n  source: [cidr]\n  accept: action\n", 5, "'action' must be input=value")]
    [InlineData("name: acme\npackages: [acme]\nfirewall:\n  source: [cidr]\n  sources: [cidr]\n", 5, "unknown key 'sources'")]
    [InlineData("name: acme\npackages: [acme]\ninstanceMetadata:\n  tokens: metadata.tokens=required\n  endpointOff: metadata.endpoint=off\n", 4, "nodePoolTemplate")]
    [InlineData("name: acme\npackages: [acme\n", 3, "")]
    [InlineData("name: acme\npackages: [acme]\nsecurity:\n  stateBucket:\n    versioned: {path: versioning, valeus: [on]}\n", 5, "unknown key 'valeus'")]
    [InlineData("name: acme\npackages: [acme]\nsecurity:\n  stateBucket:\n    versioned: {on: bucket-versionning, via: [bucket]}\n", 5, "unknown role 'bucket-versionning'")]
    [InlineData("name: acme\npackages: [acme]\nsecurity:\n  stateBucket:\n    versioned: {on: bucket-versioning, path: status}\n", 5, "'on' (a role) goes with 'via'")]
    [InlineData("name: acme\npackages: [acme]\nsecurity:\n  stateBucket:\n    versioned: {values: [on]}\n", 5, "one 'path' or 'key'")]
    [InlineData("name: acme\npackages: [acme]\nsecurity:\n  stateBucket:\n    versioned: {path: versioning, key: status}\n", 5, "one 'path' or 'key'")]
    [InlineData("name: acme\npackages: [acme]\nsecurity:\n  stateBucket:\n    versioned: {notOffered: no, path: versioning}\n", 5, "notOffered stands alone")]
    [InlineData("name: acme\npackages: [acme]\nsecurity:\n  controlPlaneLogs:\n    retention: {on: log-group, named: cp, path: days}\n", 5, "'cp' must be input=value")]
    [InlineData("name: acme\npackages: [acme]\nsecurity:\n  stateBucket: [versioned]\n", 4, "security.stateBucket must be a mapping")]
    [InlineData("name: acme\npackages: [acme]\nsecurity:\n  leastPrivilege:\n    actions: {key: Action, forbidden: ['(']}\n", 5, "forbidden is not a valid regular expression")]
    [InlineData("name: acme\npackages: [acme]\nsecurity:\n  leastPrivilege:\n    actions: {key: Action, values: [a], forbidden: [b]}\n", 5, "'forbidden' goes with one 'path' or 'key'")]
    [InlineData("name: acme\npackages: [acme]\nsecurity:\n  leastPrivilege:\n    actions: {on: iam-policy, forbidden: [b]}\n", 5, "'forbidden' goes with one 'path' or 'key'")]
    [InlineData("name: acme\npackages: [acme]\nsecurity:\n  leastPrivilege:\n    actions: {via: [role], key: Action, forbidden: [b]}\n", 5, "'forbidden' goes with one 'path' or 'key'")]
    public void Rejects_a_malformed_provider_file_naming_file_and_line(string yaml, int line, string problem)
    {
        using var file = new TemporaryFile(yaml);

        var error = Assert.Throws<BadInputException>(() => Shipped.With(file.Path));

        Assert.Equal(file.Path, error.Source);
        Assert.StartsWith($"line {line}, column ", error.Location, StringComparison.Ordinal);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    /// <summary>The limits of every YAML input (README "Exit codes and errors"), met where the file says so.</summary>
    [Theory]
    [InlineData("alias", "name: acme\npackages: [acme]\nglobalModules: &m [acme:iam/]\nroles: { global: *m }\n", "line 4, column 18", "YAML aliases (*m) are not supported")]
    [InlineData("depth", "name: acme\npackages: [acme]\nglobalModules: ", "line 3, column ", "nesting deeper than 64 levels (the limit)")]
    [InlineData("value", "name: acme\npackages: [acme]\nstatus:\n  url: ", "line 4, column 8", "a value of 65,537 characters; values are limited to 65,536")]
    [InlineData("size", "name: acme\npackages: [acme]\n", "", "bytes; YAML inputs are limited to 4,194,304 bytes")]
    public void Refuses_a_provider_file_past_a_yaml_limit_naming_file_line_and_limit(string limit, string head, string location, string problem)
    {
        var yaml = limit switch
        {
            "depth" => head + new string('[', 100_000) + new string(']', 100_000) + "\n",
            "value" => head + new string('x', 65_537) + "\n",
            "size" => head + "# " + new string('x', 4 * 1024 * 1024) + "\n",
            _ => head,
        };
        using var file = new TemporaryFile(yaml);

        var error = Assert.Throws<BadInputException>(() => Shipped.With(file.Path));

        Assert.Equal(file.Path, error.Source);
        Assert.StartsWith(location, error.Location, StringComparison.Ordinal);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_provider_file_with_a_key_that_is_not_a_name_is_bad_input_not_a_crash()
    {
        var error = Assert.Throws<BadInputException>(() => ProviderFile.Parse("name: acme\npackages: [acme]\nroles:\n  [cluster]: [acme:k8s/cluster:Cluster]\n", "inline.yaml"));

        Assert.Equal(("inline.yaml", "line 4, column 3"), (error.Source, error.Location));
        Assert.Contains("expected a non-empty scalar", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Aws_and_scaleway_say_how_their_firewall_rules_and_instance_metadata_read()
    {
        var aws = Shipped.ByName("aws")!;
        var scaleway = Shipped.ByName("scaleway")!;

        Assert.Equal(ResourceRole.Firewall, Shipped.RoleOf("aws:ec2/securityGroup:SecurityGroup"));
        Assert.Equal(ResourceRole.FirewallRules, Shipped.RoleOf("scaleway:instance/securityGroupRules:SecurityGroupRules"));
        Assert.Equal(ResourceRole.InstanceTemplate, Shipped.RoleOf("aws:ec2/launchTemplate:LaunchTemplate"));
        Assert.Equal<string>(["-1"], aws.Firewall!.AnyProtocol);
        Assert.False(aws.Firewall.OpenWhenUnset);
        Assert.Equal(("action", "accept"), scaleway.Firewall!.Accept);
        Assert.True(scaleway.Firewall.OpenWhenUnset);
        Assert.Equal(("metadataOptions.httpTokens", "required"), aws.InstanceMetadata!.Tokens);
        Assert.Null(scaleway.InstanceMetadata);
    }

    [Fact]
    public void Reads_what_the_security_rules_require_or_that_a_provider_does_not_offer_it()
    {
        var aws = Shipped.ByName("aws")!;
        var scaleway = Shipped.ByName("scaleway")!;

        var retention = aws.Requirement("controlPlaneLogs", "retention")!;
        Assert.Equal(ResourceRole.LogGroup, retention.On);
        Assert.Equal(("name", "/aws/eks/{name}/cluster"), retention.Named);
        Assert.Equal("retentionInDays", retention.Path);
        var tlsOnly = aws.Requirement("stateBucket", "tlsOnly")!;
        Assert.Equal(("aws:SecureTransport", ResourceRole.BucketPolicy), (tlsOnly.Key, tlsOnly.On));
        Assert.Equal<string>(["false"], tlsOnly.Values);
        Assert.Equal(ResourceRole.AccessEntry, Shipped.RoleOf("aws:eks/accessEntry:AccessEntry"));
        // A whole subject not offered answers for any requirement name; one requirement not offered only for itself.
        Assert.NotNull(scaleway.Requirement("secretsEncryption", "key")!.NotOffered);
        Assert.NotNull(scaleway.Requirement("stateBucket", "replicated")!.NotOffered);
        Assert.Null(scaleway.Requirement("stateBucket", "versioned")!.NotOffered);
        Assert.Null(scaleway.Requirement("stateBucket", "encrypted"));
        Assert.Null(Shipped.ByName("ovh")!.Requirement("clusterAdmins", "accessEntries"));
        // A "must not grant": the resources of its role, a path or key, and the patterns none of their literals may match.
        var managed = aws.Requirement("leastPrivilege", "managedPolicies")!;
        Assert.Equal((ResourceRole.IamAttachment, "policyArn"), (managed.On, managed.Path));
        Assert.Contains(managed.Forbidden, pattern => pattern.IsMatch("arn:aws:iam::aws:policy/AdministratorAccess"));
        Assert.DoesNotContain(managed.Forbidden, pattern => pattern.IsMatch("arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy"));
        Assert.Equal(ResourceRole.IamAttachment, Shipped.RoleOf("aws:iam/rolePolicyAttachment:RolePolicyAttachment"));
        Assert.Equal(ResourceRole.IamPolicy, Shipped.RoleOf("scaleway:iam/policy:Policy"));
        Assert.True(Shipped.IsGlobal("aws:iam/role:Role"));
    }

    [Fact]
    public void Rejects_a_provider_file_that_claims_a_shipped_package()
    {
        using var file = new TemporaryFile("name: scw2\npackages: [scaleway]\n");

        var error = Assert.Throws<BadInputException>(() => Shipped.With(file.Path));

        Assert.Equal(file.Path, error.Source);
        Assert.Contains("package 'scaleway' already belongs to provider 'scaleway'", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Places_a_provider_added_as_a_data_file_on_its_region_network_and_services()
    {
        using var file = new TemporaryFile("""
            name: acmecloud
            packages: [acme]
            roles:
              cluster: [acme:kube/cluster:Cluster]
              private-network: [acme:net/network:Network]
            inputs:
              region: [region]
              zone: [zone]
              # The readers keep the input names of the shipped files only: an added file reuses one.
              network: [privateNetworkId]
            zoneRegion: '^(?<region>[a-z]+[0-9])-[a-z]$'
            apiServerHost: '\.kube\.(?<region>[a-z]+[0-9])\.acme\.example$'
            services:
              - name: kube-control-plane
                scope: regional
                usedBy: kubernetes
                description: The managed clusters' API servers.
            """);
        var providers = Shipped.With(file.Path);
        var export = Fixtures.Export(
            """{"urn": "urn:pulumi:prod::p::acme:net/network:Network::acme-net", "custom": true, "type": "acme:net/network:Network", "inputs": {"zone": "north1-b"}}""",
            """{"urn": "urn:pulumi:prod::p::acme:kube/cluster:Cluster::acme-kube", "custom": true, "type": "acme:kube/cluster:Cluster", "inputs": {"zone": "north1-b"}, "propertyDependencies": {"privateNetworkId": ["urn:pulumi:prod::p::acme:net/network:Network::acme-net"]}}""",
            """{"urn": "urn:pulumi:prod::p::pulumi:providers:kubernetes::acme-k8s", "custom": true, "id": "1", "type": "pulumi:providers:kubernetes", "propertyDependencies": {"kubeconfig": ["urn:pulumi:prod::p::acme:kube/cluster:Cluster::acme-kube"]}}""",
            """{"urn": "urn:pulumi:prod::p::kubernetes:core/v1:Namespace::probes", "custom": true, "type": "kubernetes:core/v1:Namespace", "provider": "urn:pulumi:prod::p::pulumi:providers:kubernetes::acme-k8s::1"}""",
            """{"urn": "urn:pulumi:prod::p::pulumi:providers:kubernetes::by-host", "custom": true, "id": "2", "type": "pulumi:providers:kubernetes", "inputs": {"kubeconfig": "clusters:\n- cluster:\n    server: https://c1.kube.south2.acme.example:6443"}}""",
            """{"urn": "urn:pulumi:prod::p::kubernetes:core/v1:Namespace::elsewhere", "custom": true, "type": "kubernetes:core/v1:Namespace", "provider": "urn:pulumi:prod::p::pulumi:providers:kubernetes::by-host::2"}""");

        var design = Infer(export, providers);
        var withoutFile = Infer(export, Shipped);

        var probes = design.Named("probes").Placement!;
        Assert.Equal(("acmecloud", "north1", "north1-b", true), (probes.Provider, probes.Region, probes.Zone, probes.OnManagedKubernetes));
        Assert.Equal(["acme-net"], probes.Networks.ToArray());
        Assert.Equal(
            ["acmecloud", "acmecloud/north1", "acmecloud/north1-b", "acmecloud/north1/net:acme-net", "acmecloud/north1/svc:kube-control-plane"],
            providers.Services.DomainsOf(probes).Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.Equal(
            new ResourcePlacement { Provider = "acmecloud", Region = "south2", OnManagedKubernetes = true },
            design.Named("elsewhere").Placement);
        Assert.Equal(("acme", null), (withoutFile.Named("acme-kube").Placement?.Provider, withoutFile.Named("elsewhere").Placement));
    }

    private static PlacementDesign Infer(byte[] export, ProviderCatalog providers) =>
        PlacementInference.Infer(StackExportReader.Parse(export, "inline"), providers);

    private sealed class TemporaryFile : IDisposable
    {
        public TemporaryFile(string text)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"provider-{Guid.NewGuid():N}.yaml");
            File.WriteAllText(Path, text);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
