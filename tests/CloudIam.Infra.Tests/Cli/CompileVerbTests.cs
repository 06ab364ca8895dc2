using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.Yaml;
using YamlDotNet.RepresentationModel;

namespace CloudIam.Infra.Tests.Cli;

public sealed class CompileVerbTests : IDisposable
{
    private static readonly string[] CriticalTooling = ["alerting", "ci-runners", "logs", "metrics", "status-page"];

    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("cloudiam-root-");

    public CompileVerbTests()
    {
        // A project root that holds the single-provider fixture stacks next to the real policy.
        Directory.CreateDirectory(Path.Combine(_scratch.FullName, "stacks"));
        Directory.CreateDirectory(Path.Combine(_scratch.FullName, "policy"));
        File.Copy(CliHarness.RepoFile("policy/placement.yaml"), Path.Combine(_scratch.FullName, "policy", "placement.yaml"));
        File.Copy(CliHarness.RepoFile(".gitlab-ci.yml"), Path.Combine(_scratch.FullName, ".gitlab-ci.yml"));
        foreach (var stack in Directory.EnumerateFiles(Repository.Fixtures, "Pulumi.*.yaml"))
        {
            File.Copy(stack, Path.Combine(_scratch.FullName, "stacks", Path.GetFileName(stack)));
        }
    }

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public void The_prod_stack_compiles_to_a_pulumi_yaml_program_on_stdout_only()
    {
        var result = CliHarness.Run("compile", "--stack", "prod");

        Assert.Equal(0, result.ExitCode);
        var program = Parse(result.Out);
        var types = ((YamlMappingNode)program["resources"]).Children.Values.Cast<YamlMappingNode>().Select(r => ((YamlScalarNode)r["type"]).Value!).ToList();
        Assert.Contains(types, t => t.StartsWith("scaleway:", StringComparison.Ordinal));
        Assert.Contains(types, t => t.StartsWith("aws:", StringComparison.Ordinal));
        Assert.Equal(ProgramEmitter.Emit(Repository.Program("prod")), result.Out);
        Assert.Contains("compiled stack 'prod'", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scaleway-only", "scaleway")]
    [InlineData("aws-only", "aws")]
    public void A_single_provider_stack_is_refused_with_PL001_for_every_critical_capability(string stack, string provider)
    {
        var result = CliHarness.RunIn(_scratch.FullName, new Dictionary<string, string>(), "compile", "--stack", stack);

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains($"stack '{stack}' is refused", result.Error, StringComparison.Ordinal);
        foreach (var capability in CriticalTooling)
        {
            Assert.Contains($"error PL001 {capability}: ", result.Error, StringComparison.Ordinal);
        }

        // The suggestion names the first other provider the catalog knows (provider files, in name order).
        Assert.Contains($"on {ProviderCatalog.Shipped.Services.Providers.First(p => p != provider)}", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void When_pulumi_runs_it_the_config_comes_from_the_environment_and_secrets_stay_references()
    {
        const string canary = "CANARY-51b0e2";
        var environment = new Dictionary<string, string>
        {
            ["PULUMI_STACK"] = "prod",
            ["PULUMI_CONFIG"] = Repository.PulumiConfig("prod", ("runnerToken", canary), ("grafanaAdminPassword", canary), ("oncallWebhookUrl", canary), ("chatWebhookUrl", canary)),
        };

        var result = CliHarness.Run(environment, "compile");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(canary, result.Out + result.Error, StringComparison.Ordinal);
        Assert.Equal(CliHarness.Run("compile", "--stack", "prod").Out, result.Out);
    }

    [Fact]
    public void An_unknown_stack_is_bad_input_listing_the_known_ones()
    {
        var result = CliHarness.Run("compile", "--stack", "qa");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains("Pulumi.qa.yaml", result.Error, StringComparison.Ordinal);
        Assert.Contains("known stacks: prod, staging", result.Error, StringComparison.Ordinal);
    }

    private static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
