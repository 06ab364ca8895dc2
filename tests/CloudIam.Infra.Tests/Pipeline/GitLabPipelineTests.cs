using System.Text.RegularExpressions;
using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Pipelines;
using YamlDotNet.RepresentationModel;

namespace CloudIam.Infra.Tests.Pipeline;

/// <summary>The structure of .gitlab-ci.yml: what runs where, when, against which state, with which credentials.</summary>
public sealed class GitLabPipelineTests
{
    private static readonly string Text = File.ReadAllText(Path.Combine(Repository.Root, PipelineReader.GitLabFile));

    private static readonly YamlMappingNode Yaml = LoadYaml();

    private static readonly List<PipelineJob> Jobs = [.. PipelineReader.ReadGitLab(Repository.Root, PipelineReader.GitLabFile)];

    private static readonly string[] Stacks = [.. StackConfigLoader.KnownStacks(Repository.Stacks)];

    private static YamlMappingNode LoadYaml()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Job(string name) => (YamlMappingNode)Yaml[name];

    private static string Rules(string job) => string.Join(" | ", ((YamlSequenceNode)Job(job)["rules"]).Children.Select(r => string.Join(",", ((YamlMappingNode)r).Children.Select(c => $"{c.Key}={c.Value}"))));

    [Fact]
    public void Every_stack_has_one_deploy_job_per_provider_with_its_own_backend_one_resource_group_and_its_environment()
    {
        foreach (var stack in Stacks)
        {
            var deploys = Jobs.Where(j => j.Deploys && j.ForStack(stack)).ToList();

            Assert.Equal(["aws", "scaleway"], deploys.Select(j => j.RunnerProvider ?? "untagged").Order(StringComparer.Ordinal).ToArray());
            Assert.All(deploys, job =>
            {
                Assert.Equal([stack], job.Stacks.ToArray());
                Assert.Equal(stack, job.Environment);
                Assert.Equal($"pulumi-{stack}", job.ResourceGroup);
                Assert.Equal(job.RunnerProvider, CloudUrl.ProviderOf(job.StateBackend!));
                Assert.Contains("cloudiam-infra", job.RunnerLabels);
            });
            Assert.Equal(2, deploys.Select(j => j.StateBackend).Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Fact]
    public void Merge_requests_run_one_pipeline_and_preview_every_stack_after_the_tests_and_plans()
    {
        var workflow = ((YamlSequenceNode)((YamlMappingNode)Yaml["workflow"])["rules"]).Children.Cast<YamlMappingNode>().ToList();
        Assert.Equal("$CI_PIPELINE_SOURCE == \"merge_request_event\"", workflow[0]["if"].ToString());
        Assert.Equal("never", workflow[1]["when"].ToString());
        Assert.Contains("$CI_OPEN_MERGE_REQUESTS", workflow[1]["if"].ToString(), StringComparison.Ordinal);

        Assert.Equal("if=$CI_PIPELINE_SOURCE == \"merge_request_event\"", Rules("preview"));
        Assert.Equal(["test", "plan"], ((YamlSequenceNode)Job("preview")["needs"]).Children.Select(n => n.ToString()).ToArray());

        var previews = Jobs.Where(j => j.Previews && j.Name == "preview").ToList();
        Assert.Equal(Stacks, Assert.Single(previews).Stacks.ToArray());
        var planned = ((YamlSequenceNode)((YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)Job("plan")["parallel"])["matrix"]).Children[0])["STACK"]).Children.Select(n => n.ToString());
        Assert.Equal(Stacks, planned.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Reports_reach_the_merge_request_and_the_diff_is_written_when_the_check_fails()
    {
        var reports = (YamlMappingNode)((YamlMappingNode)Job("plan")["artifacts"])["reports"];
        Assert.Equal(["codequality", "junit"], reports.Children.Keys.Select(k => k.ToString()).ToArray());
        Assert.Equal("always", ((YamlMappingNode)Job("plan")["artifacts"])["when"].ToString());
        Assert.Equal("always", ((YamlMappingNode)Job("preview")["artifacts"])["when"].ToString());

        var script = ((YamlSequenceNode)Job("preview")["script"]).Children.Select(n => n.ToString()).ToList();
        var check = script.FindIndex(line => line.Contains("check --preview", StringComparison.Ordinal));
        var diff = script.FindIndex(line => line.Contains(" diff ", StringComparison.Ordinal));
        Assert.True(check >= 0 && diff > check, "the diff runs after the check");
        Assert.EndsWith("|| status=$?", script[check], StringComparison.Ordinal);
        Assert.Equal("exit \"$status\"", script[^1]);
    }

    [Fact]
    public void Deploys_apply_the_reviewed_plan_manually_on_main_with_deploy_credentials_only_there()
    {
        Assert.Equal("if=$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH,when=manual,allow_failure=true", Rules(".up"));
        Assert.Equal("if=$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH", Rules(".saved-plan"));
        Assert.Contains("pulumi up --yes --plan \"pulumi-plan-$STACK.json\"", ((YamlSequenceNode)Job(".up")["script"]).Children.Select(n => n.ToString()));
        Assert.Contains("--save-plan \"pulumi-plan-$STACK.json\"", ((YamlSequenceNode)Job(".saved-plan")["script"]).Children[0].ToString(), StringComparison.Ordinal);

        Assert.Equal("$AWS_DEPLOY_ROLE_ARN", ((YamlMappingNode)Job(".up")["variables"])["AWS_ROLE_ARN"].ToString());
        Assert.Equal("$AWS_PREVIEW_ROLE_ARN", ((YamlMappingNode)Job(".saved-plan")["variables"])["AWS_ROLE_ARN"].ToString());
        Assert.Equal("$AWS_PREVIEW_ROLE_ARN", ((YamlMappingNode)Job("preview")["variables"])["AWS_ROLE_ARN"].ToString());
        Assert.Equal(1, Regex.Count(Text, @"\$AWS_DEPLOY_ROLE_ARN"));
        Assert.True(((YamlMappingNode)Job(".pulumi")).Children.ContainsKey(new YamlScalarNode("id_tokens")), "the Pulumi jobs get an OIDC token");

        foreach (var job in Jobs.Where(j => j.Deploys))
        {
            Assert.Equal($"{job.Stacks[0]}", job.Environment);
        }
    }

    [Fact]
    public void The_pulumi_cli_is_pinned_and_verified_and_caches_are_keyed_by_what_they_hold()
    {
        Assert.DoesNotMatch(@"\|\s*(ba)?sh\b", Text);
        var variables = (YamlMappingNode)Yaml["variables"];
        Assert.Matches("^[0-9]+\\.[0-9]+\\.[0-9]+$", variables["PULUMI_VERSION"].ToString());
        Assert.Matches("^[0-9a-f]{64}$", variables["PULUMI_SHA256"].ToString());
        Assert.Contains("echo \"${PULUMI_SHA256}  /tmp/pulumi.tar.gz\" | sha256sum -c -", Text, StringComparison.Ordinal);

        Assert.Equal("pulumi-$PULUMI_VERSION-$PULUMI_PLUGINS", ((YamlMappingNode)Yaml[".pulumi-cache"])["key"].ToString());
        Assert.Equal("nuget", ((YamlMappingNode)((YamlMappingNode)Yaml[".nuget-cache"])["key"])["prefix"].ToString());
        foreach (var sdk in Directory.GetFiles(Path.Combine(Repository.Root, "sdks"), "*.yaml", SearchOption.AllDirectories))
        {
            Assert.Contains(Path.GetFileNameWithoutExtension(sdk), variables["PULUMI_PLUGINS"].ToString(), StringComparison.Ordinal);
        }

        // One build per job, the compiler script's, which Pulumi's compiler calls then reuse.
        Assert.DoesNotMatch(@"dotnet (build|publish|run) ", Text);
        Assert.Equal(["./scripts/pulumi-compile --help > /dev/null"], ((YamlSequenceNode)Yaml[".build"]).Children.Select(n => n.ToString()).ToArray());
        Assert.Equal("out/pulumi-compiler/cloudiam-infra", variables["CLOUDIAM"].ToString());
    }
}
