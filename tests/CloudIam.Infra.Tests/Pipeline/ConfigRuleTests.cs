using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Pipelines;
using YamlDotNet.RepresentationModel;

namespace CloudIam.Infra.Tests.Pipeline;

/// <summary>
/// Pulumi's rule (pulumi-facts §1.5): a project config key declared without a default that a stack lacks
/// stops `pulumi preview` and `pulumi up` ("Stack 'prod' is missing configuration value"). A key counts as
/// present when the stack file holds it, or when every pipeline job that runs preview or up on the stack
/// sets it first.
/// </summary>
public sealed class ConfigRuleTests
{
    private static IReadOnlyList<string> Missing(string root)
    {
        var project = (YamlMappingNode)Load(Path.Combine(root, "Pulumi.yaml"));
        var name = ((YamlScalarNode)project["name"]).Value!;
        var required = project.Children.TryGetValue(new YamlScalarNode("config"), out var config)
            ? ((YamlMappingNode)config).Children
                .Where(pair => pair.Value is not YamlMappingNode declaration || !declaration.Children.ContainsKey(new YamlScalarNode("default")))
                .Select(pair => ((YamlScalarNode)pair.Key).Value!)
                .ToList()
            : [];
        var jobs = PipelineReader.ReadRepository(root).Where(job => job.Previews || job.Deploys).ToList();
        var stacksDirectory = Path.Combine(root, StackConfigLoader.StacksDirectoryName);
        var missing = new List<string>();
        foreach (var stack in StackConfigLoader.KnownStacks(stacksDirectory))
        {
            var stackFile = (YamlMappingNode)Load(Path.Combine(stacksDirectory, $"Pulumi.{stack}.yaml"));
            var inFile = stackFile.Children.TryGetValue(new YamlScalarNode("config"), out var values)
                ? ((YamlMappingNode)values).Children.Keys.Select(k => Unqualified(((YamlScalarNode)k).Value!, name)).ToHashSet(StringComparer.Ordinal)
                : [];
            var running = jobs.Where(job => job.ForStack(stack)).ToList();
            missing.AddRange(required
                .Where(key => !inFile.Contains(key) && (running.Count == 0 || running.Any(job => !job.ConfigKeysSet.Select(k => Unqualified(k, name)).Contains(key))))
                .Select(key => $"{stack}: {key}"));
        }

        return missing;
    }

    private static string Unqualified(string key, string project) => key.StartsWith(project + ":", StringComparison.Ordinal) ? key[(project.Length + 1)..] : key;

    private static YamlNode Load(string path)
    {
        using var reader = File.OpenText(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return stream.Documents[0].RootNode;
    }

    [Fact]
    public void Every_stack_has_every_required_key_in_its_file_or_from_every_job_that_runs_pulumi() =>
        Assert.Empty(Missing(Repository.Root));

    [Fact]
    public void The_rule_is_not_vacuous_the_four_secrets_are_required_and_set_by_the_jobs()
    {
        var jobs = PipelineReader.ReadRepository(Repository.Root).Where(job => job.Previews || job.Deploys).ToList();

        Assert.True(jobs.Count >= 6, $"only {jobs.Count} jobs run Pulumi");
        Assert.All(jobs, job => Assert.Equal(["acmeRoute53SecretKey", "chatWebhookUrl", "grafanaAdminPassword", "heartbeatUrlAwsPar", "heartbeatUrlScwPar", "oauthClientSecret", "oauthCookieSecret", "oncallWebhookUrl", "runnerToken", "toolingReadPassword"], job.ConfigKeysSet.ToArray()));
    }

    [Fact]
    public void A_job_that_no_longer_sets_a_secret_fails_the_rule_for_every_stack_it_runs()
    {
        using var scratch = new ScratchRepository().Edit(PipelineReader.GitLabFile, text =>
            text.Replace("    - printf '%s' \"$CLOUDIAM_CHAT_WEBHOOK_URL\" | pulumi config set --secret chatWebhookUrl\n", "", StringComparison.Ordinal));

        Assert.Equal(["prod: chatWebhookUrl", "staging: chatWebhookUrl"], Missing(scratch.Root));
    }

    [Fact]
    public void A_key_declared_without_default_that_nothing_sets_fails_the_rule()
    {
        using var scratch = new ScratchRepository().Edit("Pulumi.yaml", text => text + "  pagerDutyKey:\n    type: string\n    secret: true\n");

        Assert.Equal(["prod: pagerDutyKey", "staging: pagerDutyKey"], Missing(scratch.Root));
    }

    [Fact]
    public void A_key_with_a_default_or_in_the_stack_file_needs_no_job()
    {
        using var scratch = new ScratchRepository()
            .Edit("Pulumi.yaml", text => text + "  retention:\n    type: string\n    default: 15d\n  region:\n    type: string\n")
            .Edit("stacks/Pulumi.prod.yaml", text => text + "  cloudiam-infra:region: fr-par\n")
            .Edit("stacks/Pulumi.staging.yaml", text => text + "  region: fr-par\n");

        Assert.Empty(Missing(scratch.Root));
    }
}
