using CloudIam.Pulumi.Resources;
using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Resources.Scaleway;
using CloudIam.Pulumi.Yaml;
using CsCheck;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CloudIam.Pulumi.Tests.Yaml;

public class ProgramEmitterTests
{
    /// <summary>Strings a YAML parser would type as something else, or misparse, if written plain.</summary>
    public static TheoryData<string> AwkwardStrings => new(
        "1.35", "7.0", "0123", "10.0.0.0/16", "1e3", "0x1F", ".inf", "-1", "+1", "2026-01-01", "10:30",
        "on", "off", "yes", "No", "y", "TRUE", "null", "~", "", " leading", "trailing ", "a: b", "a #b", "#comment",
        "- item", "? key", "[list]", "{map}", "*alias", "&anchor", "!tag", "%directive", "@at", "`tick", "'single'", "\"double\"",
        "multi\nline\n", "no final newline\nhere", "  indented\nblock", "tab\tinside", "ünïcödé", "<<", "=",
        "$", "$$", "${VAR}", "$${VAR}", "a$b", "$Latest", "{{.Release.Namespace}}");

    [Theory]
    [MemberData(nameof(AwkwardStrings))]
    public void Literal_strings_read_back_as_the_same_string(string text)
    {
        var emitted = ProgramEmitter.Emit(SingleValueProgram(text));

        var scalar = PulumiYaml.Parse(emitted).Scalar("resources", "r", "properties", "values", "v");
        Assert.Equal(text, PulumiYaml.Unescape(scalar.Value!));
        // A plain scalar starting with '$' is a string; any other non-letter start, or a bool/null word, is not safe plain.
        if (text.Length == 0 || (!char.IsAsciiLetter(text[0]) && text[0] != '$') || text is "on" or "off" or "yes" or "No" or "y" or "TRUE" or "null")
        {
            Assert.NotEqual(ScalarStyle.Plain, scalar.Style);
        }
    }

    [Fact]
    public void Any_string_round_trips() =>
        Gen.String[Gen.Char["$#{}[]:,-? \n\t'\"0123456789.abcyesnoONtrue~&*!|>%@`"], 0, 24]
            .Sample(text => PulumiYaml.Unescape(PulumiYaml.Parse(ProgramEmitter.Emit(SingleValueProgram(text)))
                .Scalar("resources", "r", "properties", "values", "v").Value!) == text, iter: 20_000);

    [Theory]
    [InlineData("\n")]
    [InlineData("\n\n")]
    [InlineData(" \n")]
    [InlineData("a\n\n")]
    [InlineData("\n a")]
    [InlineData(" \n  x")]
    [InlineData("a\n  \nb")]
    [InlineData("  indented\nnext")]
    public void Text_of_line_breaks_round_trips(string text) =>
        Assert.Equal(text, PulumiYaml.Unescape(PulumiYaml.Parse(ProgramEmitter.Emit(SingleValueProgram(text)))
            .Scalar("resources", "r", "properties", "values", "v").Value!));

    [Fact]
    public void Numbers_and_bools_stay_plain()
    {
        var program = new ProgramBuilder("p");
        program.Add("r", new HelmRelease { Chart = "c", Values = new ExprMap { ["n"] = 3, ["d"] = 0.5m, ["b"] = false, ["z"] = Expr.Null } });

        var values = PulumiYaml.Parse(ProgramEmitter.Emit(program.Build())).At("resources", "r", "properties", "values");

        Assert.All(new[] { ("n", "3"), ("d", "0.5"), ("b", "false"), ("z", "null") }, expected =>
        {
            var scalar = values.Scalar(expected.Item1);
            Assert.Equal(expected.Item2, scalar.Value);
            Assert.Equal(ScalarStyle.Plain, scalar.Style);
        });
    }

    [Fact]
    public void Map_keys_are_emitted_in_ordinal_order_whatever_the_construction_order()
    {
        var first = new ProgramBuilder("p");
        first.Add("r", new HelmRelease { Chart = "c", Values = new ExprMap { ["b"] = 1, ["a"] = 2, ["B"] = 3 } });
        var second = new ProgramBuilder("p");
        second.Add("r", new HelmRelease { Chart = "c", Values = new ExprMap { ["B"] = 3, ["a"] = 2, ["b"] = 1 } });

        Assert.Equal(ProgramEmitter.Emit(first.Build()), ProgramEmitter.Emit(second.Build()));
    }

    [Fact]
    public void References_interpolations_and_functions_use_pulumi_syntax()
    {
        var program = new ProgramBuilder("p");
        var token = program.SecretConfig("runnerToken");
        var cluster = program.Add("cluster", new KubernetesCluster { Version = "1.35", Cni = "cilium", DeleteAdditionalResources = false });
        program.Add("release", new HelmRelease
        {
            Chart = "c",
            Values = new ExprMap
            {
                ["kubeconfig"] = cluster.KubeconfigFile(),
                ["url"] = Expr.Format($"{cluster.ApiserverUrl()}/healthz?job=${{CI_JOB_ID}}"),
                ["token"] = token,
                ["secret"] = Expr.Secret("hidden"),
                ["json"] = Expr.ToJson(new ExprMap { ["id"] = cluster.Id }),
                ["joined"] = Expr.Join(",", ["a", cluster.Id]),
            },
        });

        var values = PulumiYaml.Parse(ProgramEmitter.Emit(program.Build())).At("resources", "release", "properties", "values");

        Assert.Equal("${cluster.kubeconfigs[0].configFile}", values.Scalar("kubeconfig").Value);
        Assert.Equal("${cluster.apiserverUrl}/healthz?job=$${CI_JOB_ID}", values.Scalar("url").Value);
        Assert.Equal("${runnerToken}", values.Scalar("token").Value);
        Assert.Equal("hidden", values.Scalar("secret", "fn::secret").Value);
        Assert.Equal("${cluster.id}", values.Scalar("json", "fn::toJSON", "id").Value);
        var join = (YamlSequenceNode)values.At("joined", "fn::join");
        Assert.Equal(",", ((YamlScalarNode)join[0]).Value);
        Assert.Equal(["a", "${cluster.id}"], ((YamlSequenceNode)join[1]).Cast<YamlScalarNode>().Select(item => item.Value));
    }

    [Fact]
    public void Program_sections_and_options_are_emitted()
    {
        var root = PulumiYaml.Parse(ProgramEmitter.Emit(SampleProgram()));

        Assert.Equal("sample", root.Scalar("name").Value);
        Assert.Equal("string", root.Scalar("config", "adminPassword", "type").Value);
        Assert.Equal("true", root.Scalar("config", "adminPassword", "secret").Value);
        var provider = root.At("resources", "scw");
        Assert.Equal("pulumi:providers:scaleway", provider.Scalar("type").Value);
        Assert.Equal(PulumiPackages.Scaleway.Version, provider.Scalar("options", "version").Value);
        Assert.NotEqual(ScalarStyle.Plain, provider.Scalar("options", "version").Style);
        Assert.Equal("github://api.github.com/pulumiverse", provider.Scalar("options", "pluginDownloadURL").Value);
        var pool = root.At("resources", "pool", "options");
        Assert.Equal("${scw}", pool.Scalar("provider").Value);
        Assert.Equal("${cluster}", pool.Scalar("parent").Value);
        Assert.Equal("true", pool.Scalar("protect").Value);
        Assert.Equal(["${pn}"], ((YamlSequenceNode)pool.At("dependsOn")).Cast<YamlScalarNode>().Select(item => item.Value));
        Assert.Equal(["size"], ((YamlSequenceNode)pool.At("ignoreChanges")).Cast<YamlScalarNode>().Select(item => item.Value));
        Assert.Equal("${cluster.apiserverUrl}", root.Scalar("outputs", "api").Value);
        Assert.Equal(["scw", "pn", "cluster", "pool", "k8s", "ns"], ((YamlMappingNode)root["resources"]).Children.Keys.Cast<YamlScalarNode>().Select(key => key.Value));
    }

    internal static PulumiProgram SampleProgram()
    {
        var program = new ProgramBuilder("sample") { Description = "sample program" };
        program.SecretConfig("adminPassword");
        var scw = program.AddProvider("scw", new ScalewayProvider { Region = "fr-par", Zone = "fr-par-1" });
        var pn = program.Add("pn", new NetworkPrivateNetwork
        {
            Region = "fr-par",
            Ipv4Subnet = new PrivateNetworkIpv4Subnet { Subnet = "10.0.0.0/22" },
            Tags = ["cloudiam.io/capability=platform"],
        }, new ResourceOptions { Provider = scw });
        var cluster = program.Add("cluster", new KubernetesCluster
        {
            Version = "1.35",
            Cni = "cilium",
            DeleteAdditionalResources = false,
            PrivateNetworkId = pn.Id,
        }, new ResourceOptions { Provider = scw });
        program.Add("pool", new KubernetesPool { ClusterId = cluster.Id, NodeType = "PRO2-S", Size = 2 }, new ResourceOptions
        {
            Provider = scw,
            Parent = cluster,
            Protect = true,
            DependsOn = [pn],
            IgnoreChanges = ["size"],
        });
        var k8s = program.AddProvider("k8s", new KubernetesProvider { Kubeconfig = cluster.KubeconfigFile() }, new ResourceOptions { Parent = cluster });
        program.Add("ns", new KubernetesNamespace { Metadata = new ObjectMeta { Name = "tools" } }, new ResourceOptions { Provider = k8s, Parent = cluster });
        program.Output("api", cluster.ApiserverUrl());
        return program.Build();
    }

    private static PulumiProgram SingleValueProgram(string text)
    {
        var program = new ProgramBuilder("p");
        program.Add("r", new HelmRelease { Chart = "c", Values = new ExprMap { ["v"] = text } });
        return program.Build();
    }
}
