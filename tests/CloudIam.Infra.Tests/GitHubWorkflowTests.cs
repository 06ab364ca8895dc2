using YamlDotNet.RepresentationModel;

namespace CloudIam.Infra.Tests;

/// <summary>
/// .github/workflows/placement.yml is the GitLab pipeline for GitHub: it parses, and every command the
/// GitLab jobs run (tests, plan, checks, preview, diff, up) is run by a GitHub job too.
/// </summary>
public sealed class GitHubWorkflowTests
{
    private static readonly string Workflow = Path.Combine(Repository.Root, ".github", "workflows", "placement.yml");

    [Fact]
    public void The_workflow_runs_every_main_command_of_the_gitlab_pipeline()
    {
        var github = GitHubCommands();
        var gitlab = GitLabCommands();
        Assert.NotEmpty(gitlab);

        // GitHub's code scanning takes SARIF where GitLab's merge-request widget takes code quality.
        var missing = gitlab.Select(c => c.Replace("--format codequality", "--format sarif", StringComparison.Ordinal)).Except(github).ToList();

        Assert.True(missing.Count == 0, "not in the GitHub workflow:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Pull_requests_get_the_preview_diff_as_a_comment_and_pulumi_up_only_runs_by_hand()
    {
        var jobs = (YamlMappingNode)Load(Workflow)["jobs"];
        var preview = (YamlMappingNode)jobs["preview"];
        Assert.Contains("pull_request", ((YamlScalarNode)preview["if"]).Value, StringComparison.Ordinal);
        Assert.Contains(Steps(preview), s => s.Children.TryGetValue("uses", out var uses) && ((YamlScalarNode)uses).Value!.StartsWith("actions/github-script", StringComparison.Ordinal)
            && ((YamlScalarNode)((YamlMappingNode)s["with"])["script"]).Value!.Contains("createComment", StringComparison.Ordinal));

        // One deploy job per provider, each run only by hand.
        var upJobs = jobs.Children.Where(j => Commands((YamlMappingNode)j.Value).Any(c => c.StartsWith("pulumi up", StringComparison.Ordinal))).ToList();
        Assert.Equal(["up-from-aws", "up-from-scaleway"], upJobs.Select(j => ((YamlScalarNode)j.Key).Value).Order(StringComparer.Ordinal));
        Assert.All(upJobs, up => Assert.StartsWith("github.event_name == 'workflow_dispatch'", ((YamlScalarNode)((YamlMappingNode)up.Value)["if"]).Value, StringComparison.Ordinal));

        var plan = (YamlMappingNode)jobs["plan"];
        Assert.Contains(Steps(plan), s => s.Children.TryGetValue("uses", out var uses) && ((YamlScalarNode)uses).Value!.StartsWith("github/codeql-action/upload-sarif", StringComparison.Ordinal));
    }

    /// <summary>Each shell line of every step, as written.</summary>
    private static HashSet<string> GitHubCommands() =>
        [.. ((YamlMappingNode)Load(Workflow)["jobs"]).Children.Values.Cast<YamlMappingNode>().SelectMany(Commands).Select(MainCommand)];

    /// <summary>The dotnet and pulumi commands of the GitLab jobs' scripts, without their redirections.</summary>
    private static List<string> GitLabCommands() =>
        [.. Load(Path.Combine(Repository.Root, ".gitlab-ci.yml")).Children
            .Where(entry => entry.Value is YamlMappingNode job && job.Children.ContainsKey("script"))
            .SelectMany(entry => Lines(((YamlMappingNode)entry.Value)["script"]))
            .Select(line => line.Replace("$CLOUDIAM ", "dotnet run --project infra/CloudIam.Infra -c Release -- ", StringComparison.Ordinal))
            .Where(line => line.StartsWith("dotnet ", StringComparison.Ordinal) || line.StartsWith("pulumi ", StringComparison.Ordinal))
            .Select(MainCommand)
            .Distinct(StringComparer.Ordinal)];

    /// <summary>A script's lines, with the sequences that YAML anchors (<c>- *build</c>) nest inside it flattened.</summary>
    private static IEnumerable<string> Lines(YamlNode script) => script switch
    {
        YamlSequenceNode sequence => sequence.Children.SelectMany(Lines),
        YamlScalarNode scalar => [scalar.Value!],
        _ => [],
    };

    private static IEnumerable<string> Commands(YamlMappingNode job) =>
        Steps(job).Where(s => s.Children.ContainsKey("run")).SelectMany(s => ((YamlScalarNode)s["run"]).Value!.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode job) =>
        job.Children.TryGetValue("steps", out var steps) ? ((YamlSequenceNode)steps).Children.Cast<YamlMappingNode>() : [];

    /// <summary>The command before any redirection or pipe: where the output goes differs between CI systems.</summary>
    private static string MainCommand(string line) => line.Split(['>', '|'], 2)[0].Trim();

    private static YamlMappingNode Load(string path)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(path);
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }
}
