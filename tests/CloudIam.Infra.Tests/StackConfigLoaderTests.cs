using CloudIam.Infra.Capabilities;
using CloudIam.Infra.Stacks;
using CloudIam.Placement;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Tests;

public sealed class StackConfigLoaderTests : IDisposable
{
    private readonly DirectoryInfo scratch = Directory.CreateTempSubdirectory("cloudiam-stacks-");

    public void Dispose() => scratch.Delete(recursive: true);

    [Fact]
    public void Prod_places_every_tooling_capability_on_scaleway_and_aws()
    {
        var prod = Repository.Stack("prod");

        Assert.Equal("prod", prod.Stack);
        Assert.Equal(["scaleway", "aws"], prod.Clusters.Select(cluster => cluster.Provider));
        Assert.All(prod.Clusters, cluster => Assert.Equal(Capability.Tooling, cluster.Capabilities));
        Assert.Equal(["fr-par", "eu-west-3"], prod.Clusters.Select(cluster => cluster.Region));
        Assert.Equal("1.35", prod.Clusters[0].KubernetesVersion);
        Assert.Equal("10.30.0.0/16", prod.Clusters[1].NetworkCidr.ToString());
        Assert.Equal(10, prod.Clusters[1].Runners.Concurrent);
        Assert.True(prod.Protect);
        Assert.Equal(
            ["acmeRoute53SecretKey", "chatWebhookUrl", "grafanaAdminPassword", "heartbeatUrlAwsPar", "heartbeatUrlScwPar", "oauthClientSecret", "oauthCookieSecret", "oncallWebhookUrl", "runnerToken", "toolingReadPassword"],
            prod.SecretKeys.AsEnumerable());
        Assert.Equal("oncall", Assert.Single(prod.Alerting.Routes).Receiver);
        Assert.Equal(3, prod.Deployments.Length);
    }

    [Fact]
    public void Staging_is_a_smaller_copy_of_prod()
    {
        var (prod, staging) = (Repository.Stack("prod"), Repository.Stack("staging"));

        Assert.Equal(prod.Clusters.Select(cluster => (cluster.Provider, cluster.Region)), staging.Clusters.Select(cluster => (cluster.Provider, cluster.Region)));
        Assert.All(staging.Clusters.Zip(prod.Clusters), pair =>
        {
            Assert.True(pair.First.NodeCount * pair.First.Zones.Length <= pair.Second.NodeCount * pair.Second.Zones.Length);
            Assert.True(pair.First.Replicas <= pair.Second.Replicas);
        });
        Assert.False(staging.Protect);
        Assert.Equal(prod.SecretKeys.AsEnumerable(), staging.SecretKeys.AsEnumerable());
    }

    [Fact]
    public void An_unknown_stack_names_the_missing_file_and_the_known_stacks()
    {
        var error = Assert.Throws<BadInputException>(() => StackConfigLoader.FromFile(Repository.Stacks, "qa", SiteCatalog.ClusterProviders));

        Assert.Equal(Path.Combine(Repository.Stacks, "Pulumi.qa.yaml"), error.Source);
        Assert.Contains("prod, staging", error.Message);
    }

    [Theory]
    [InlineData("config:\n  cloudiam-infra:gitlabUrl: [unclosed\n  other: x\n", 2)]
    [InlineData("config:\n  cloudiam-infra:gitlabUrl: [unclosed\n", 3)]
    [InlineData("config:\n  a: b: c\n", 2)]
    [InlineData("config:\n  cloudiam-infra:protect: true\n  cloudiam-infra:protect: false\n", 3)]
    [InlineData("config:\n  cloudiam-infra:gitlabUrl: 'unterminated\n", 2)]
    [InlineData("- just\n- a list\n", 1)]
    public void Malformed_yaml_is_reported_with_line_and_column(string text, int line)
    {
        var path = Write("broken", text);

        var error = Assert.Throws<BadInputException>(() => StackConfigLoader.FromFile(scratch.FullName, "broken", SiteCatalog.ClusterProviders));

        Assert.Equal(path, error.Source);
        Assert.Matches($"^line {line}, column [0-9]+$", error.Location);
    }

    [Theory]
    [InlineData("networkCidr: 10.20.0.0/22", "networkCidr: 10.20.0.1/22", "10.20.0.1/22")]
    [InlineData("provider: scaleway", "provider: ovh", "known providers: aws, scaleway")]
    [InlineData("kubernetesVersion: \"1.35\"", "kubernetesVersion: 1.35", "quote kubernetesVersion")]
    [InlineData("zones: [fr-par-1, fr-par-2]", "zones: [nl-ams-1]", "not in region 'fr-par'")]
    [InlineData("concurrent: 10", "concurrent: ten", "whole number")]
    [InlineData("replicas: 2\n      runners:", "replicas: 2\n      colour: blue\n      runners:", "unknown key 'colour'")]
    [InlineData("matchers: ['severity=\"critical\"']", "matchers: ['severity is critical']", "not an Alertmanager matcher")]
    public void A_bad_value_is_reported_on_its_line(string original, string replacement, string problem)
    {
        var prod = File.ReadAllText(Path.Combine(Repository.Stacks, "Pulumi.prod.yaml"));
        Assert.Contains(original, prod);
        var text = ReplaceFirst(prod, original, replacement);
        var path = Write("bad", text);
        var badLine = replacement.Split('\n').Except(original.Split('\n')).Single();
        var line = text[..text.IndexOf(badLine, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var error = Assert.Throws<BadInputException>(() => StackConfigLoader.FromFile(scratch.FullName, "bad", SiteCatalog.ClusterProviders));

        Assert.Equal(path, error.Source);
        Assert.StartsWith($"line {line}, column ", error.Location);
        Assert.Contains(problem, error.Problem);
    }

    [Fact]
    public void A_secret_in_plaintext_in_a_stack_file_is_refused()
    {
        var prod = File.ReadAllText(Path.Combine(Repository.Stacks, "Pulumi.prod.yaml"));
        Write("leaky", prod + "  cloudiam-infra:runnerToken: glrt-plaintext\n");
        Write("sealed", prod + "  cloudiam-infra:runnerToken:\n    secure: v1:AAAA:BBBB\n");

        var error = Assert.Throws<BadInputException>(() => StackConfigLoader.FromFile(scratch.FullName, "leaky", SiteCatalog.ClusterProviders));

        Assert.Contains("--secret runnerToken", error.Problem);
        Assert.Equal(Repository.Stack("prod").Clusters.Length, StackConfigLoader.FromFile(scratch.FullName, "sealed", SiteCatalog.ClusterProviders).Clusters.Length);
    }

    [Fact]
    public void Pulumi_config_with_decrypted_secrets_compiles_without_copying_them()
    {
        const string canary = "CANARY-7d1f0c";
        var environment = new Dictionary<string, string>
        {
            ["PULUMI_STACK"] = "prod",
            ["PULUMI_PROJECT"] = CloudIamProgram.ProjectName,
            ["PULUMI_CONFIG"] = Repository.PulumiConfig("prod", ("runnerToken", $"glrt-{canary}"), ("grafanaAdminPassword", canary),
                ("oncallWebhookUrl", $"https://hooks.example.com/{canary}"), ("chatWebhookUrl", canary),
                ("heartbeatUrlScwPar", $"https://hc.example.com/{canary}"), ("heartbeatUrlAwsPar", canary), ("toolingReadPassword", canary)),
        };

        var config = StackConfigLoader.FromEnvironment(environment, scratch.FullName, SiteCatalog.ClusterProviders);
        var emitted = ProgramEmitter.Emit(CloudIamProgram.Build(config));

        Assert.Equal("PULUMI_CONFIG", config.Source);
        Assert.DoesNotContain(canary, emitted, StringComparison.Ordinal);
        Assert.Contains("${runnerToken}", emitted, StringComparison.Ordinal);
        Assert.Equal(ProgramEmitter.Emit(Repository.Program("prod")), emitted);
    }

    [Fact]
    public void Without_pulumi_config_the_stack_file_is_read_as_in_plugin_discovery()
    {
        var prod = ProgramEmitter.Emit(Repository.Program("prod"));

        Assert.Equal(prod, ProgramEmitter.Emit(CloudIamProgram.Build(StackConfigLoader.FromEnvironment(new Dictionary<string, string>(), Repository.Root, SiteCatalog.ClusterProviders))));
        var staging = StackConfigLoader.FromEnvironment(new Dictionary<string, string> { ["PULUMI_STACK"] = "staging" }, Repository.Root, SiteCatalog.ClusterProviders);
        Assert.Equal("staging", staging.Stack);
        var rooted = StackConfigLoader.FromEnvironment(new Dictionary<string, string> { ["PULUMI_ROOT_DIRECTORY"] = Repository.Root }, scratch.FullName, SiteCatalog.ClusterProviders);
        Assert.Equal("prod", rooted.Stack);
    }

    [Fact]
    public void Malformed_pulumi_config_is_bad_input_with_a_json_location()
    {
        static BadInputException Load(string json) => Assert.Throws<BadInputException>(() =>
            StackConfigLoader.FromEnvironment(new Dictionary<string, string> { ["PULUMI_STACK"] = "prod", ["PULUMI_CONFIG"] = json }, ".", SiteCatalog.ClusterProviders));

        Assert.Equal("PULUMI_CONFIG", Load("{not json").Source);
        Assert.Equal("$", Load("[]").Location);
        var structured = Load("""{"cloudiam-infra:clusters": "[{\"name\": 1"}""");
        Assert.Equal("$[\"cloudiam-infra:clusters\"]", structured.Location);
        var prod = Repository.PulumiConfig("prod").Replace("10.20.0.0/22", "10.20.0.0/33", StringComparison.Ordinal);
        Assert.Equal("$[\"cloudiam-infra:clusters\"][0].networkCidr", Load(prod).Location);
    }

    private string Write(string stack, string text)
    {
        var path = Path.Combine(scratch.FullName, $"Pulumi.{stack}.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    private static string ReplaceFirst(string text, string original, string replacement)
    {
        var at = text.IndexOf(original, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + original.Length));
    }
}
