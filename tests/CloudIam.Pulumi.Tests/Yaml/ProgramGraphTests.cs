using CloudIam.Pulumi.Graph;
using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Resources.Scaleway;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Pulumi.Tests.Yaml;

public class ProgramGraphTests
{
    private const string Prefix = "urn:pulumi:dev::sample::";

    private static readonly ResourceGraph Graph = ProgramGraph.From(ProgramEmitterTests.SampleProgram(), "dev");

    [Fact]
    public void The_root_stack_comes_first_and_parents_top_level_resources()
    {
        var root = Graph.Resources[0];

        Assert.Equal($"{Prefix}pulumi:pulumi:Stack::sample-dev", root.Urn);
        Assert.False(root.Custom);
        Assert.Equal(PropertyValue.Unknown, root.Outputs.Get("api"));
        Assert.Equal(root.Urn, Resource("pn").Parent);
    }

    [Fact]
    public void Urns_carry_the_parent_type_chain()
    {
        Assert.Equal($"{Prefix}scaleway:kubernetes/cluster:Cluster::cluster", Resource("cluster").Urn);
        Assert.Equal($"{Prefix}scaleway:kubernetes/cluster:Cluster$scaleway:kubernetes/pool:Pool::pool", Resource("pool").Urn);
        Assert.Equal($"{Prefix}scaleway:kubernetes/cluster:Cluster$kubernetes:core/v1:Namespace::ns", Resource("ns").Urn);
        Assert.Equal(Resource("cluster").Urn, Resource("ns").Parent);
    }

    [Fact]
    public void Explicit_providers_are_referenced_by_urn()
    {
        Assert.Equal($"{Prefix}pulumi:providers:scaleway::scw", Resource("cluster").Provider);
        Assert.Equal(Resource("k8s").Urn, Resource("ns").Provider);
        Assert.Null(Resource("scw").Provider);
    }

    [Fact]
    public void The_kubernetes_provider_depends_on_the_cluster_through_its_kubeconfig()
    {
        var provider = Resource("k8s");

        Assert.Equal(Resource("cluster").Urn, Assert.Single(provider.PropertyDependencies["kubeconfig"]));
        Assert.Equal(Resource("cluster").Urn, Assert.Single(provider.Dependencies));
        Assert.Equal(PropertyValue.Unknown, provider.Inputs.Get("kubeconfig"));
        Assert.Equal("4.34.2", provider.Inputs.GetString("version"));
    }

    [Fact]
    public void Property_dependencies_and_depends_on_make_the_dependencies()
    {
        var pool = Resource("pool");

        Assert.Equal(Resource("cluster").Urn, Assert.Single(pool.PropertyDependencies["clusterId"]));
        Assert.Equal(new[] { Resource("pn").Urn, Resource("cluster").Urn }.Order(StringComparer.Ordinal), pool.Dependencies);
        Assert.False(pool.PropertyDependencies.ContainsKey("nodeType"));
        Assert.Equal(Resource("pn").Urn, Assert.Single(Resource("cluster").PropertyDependencies["privateNetworkId"]));
    }

    [Fact]
    public void Literal_inputs_keep_their_values()
    {
        var pn = Resource("pn");

        Assert.Equal("fr-par", pn.Inputs.GetString("region"));
        Assert.Equal("10.0.0.0/22", pn.Inputs.GetString("ipv4Subnet.subnet"));
        Assert.Equal("cloudiam.io/capability=platform", pn.Inputs.GetString("tags.0"));
        Assert.True(Resource("pool").Inputs.TryGetNumber("size", out var size) && size == 2);
        Assert.Equal("github://api.github.com/pulumiverse", Resource("scw").Inputs.GetString("pluginDownloadURL"));
    }

    [Fact]
    public void Resources_come_after_their_parents_providers_and_dependencies()
    {
        var position = Graph.Resources.Select((resource, index) => (resource.Urn, index)).ToDictionary();

        Assert.All(Graph.Resources, resource =>
        {
            foreach (var before in resource.Dependencies.Append(resource.Parent).Append(resource.Provider).OfType<string>())
            {
                Assert.True(position[before] < position[resource.Urn], $"{before} before {resource.Urn}");
            }
        });
    }

    [Fact]
    public void Secrets_stay_secret_and_references_are_unknown()
    {
        var program = new ProgramBuilder("p");
        var password = program.SecretConfig("password");
        var vpc = program.Add("vpc", new NetworkVpc { Name = "v" });
        program.Add("release", new HelmRelease
        {
            Chart = "c",
            Values = new ExprMap
            {
                ["password"] = password,
                ["wrapped"] = Expr.Secret("x"),
                ["mixed"] = Expr.Format($"{vpc.Id}:{password}"),
                ["known"] = Expr.ToJson(new ExprMap { ["b"] = 1, ["a"] = new ExprList(["x", true]) }),
                ["pending"] = Expr.ToJson(new ExprMap { ["id"] = vpc.Id }),
                ["joined"] = Expr.Join("-", ["a", "b"]),
                ["label"] = "metrics",
            },
        });

        var release = ProgramGraph.From(program.Build(), "dev").Resources.Single(resource => resource.Name == "release");

        Assert.Equal(PropertyValue.Secret, release.Inputs.Get("values.password"));
        Assert.Equal(PropertyValue.Secret, release.Inputs.Get("values.wrapped"));
        Assert.Equal(PropertyValue.Secret, release.Inputs.Get("values.mixed"));
        Assert.Equal("""{"a":["x",true],"b":1}""", release.Inputs.GetString("values.known"));
        Assert.Equal(PropertyValue.Unknown, release.Inputs.Get("values.pending"));
        Assert.Equal("a-b", release.Inputs.GetString("values.joined"));
        Assert.Equal("metrics", release.Inputs.GetString("values.label"));
        Assert.Equal("urn:pulumi:dev::p::scaleway:network/vpc:Vpc::vpc", Assert.Single(release.PropertyDependencies["values"]));
    }

    [Fact]
    public void Resources_without_an_explicit_provider_get_the_default_one()
    {
        var program = new ProgramBuilder("p");
        program.Add("vpc", new NetworkVpc());
        program.Add("pn", new NetworkPrivateNetwork());

        var graph = ProgramGraph.From(program.Build(), "dev");

        var provider = Assert.Single(graph.Resources, resource => resource.IsProvider);
        Assert.Equal("urn:pulumi:dev::p::pulumi:providers:scaleway::default", provider.Urn);
        Assert.All(graph.Resources.Where(resource => resource.Package == "scaleway"), resource => Assert.Equal(provider.Urn, resource.Provider));
    }

    private static PulumiResource Resource(string name) => Graph.Resources.Single(resource => resource.Name == name);
}
