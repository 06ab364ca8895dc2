using System.Collections.Immutable;
using CloudIam.Placement;
using CloudIam.Pulumi.Pipelines;

namespace CloudIam.Pulumi.Tests.Pipelines;

public sealed class PipelineReaderTests
{
    private const string Primary = "s3://state?endpoint=s3.fr-par.scw.cloud&region=fr-par";
    private const string Replica = "s3://state-replica?region=eu-west-3";

    private static readonly string Root = Fixtures.PathOf("");

    private static PipelineJob Job(IEnumerable<PipelineJob> jobs, string name) => jobs.Single(j => j.Name == name);

    [Fact]
    public void GitLab_jobs_resolve_anchors_extends_default_tags_and_matrix_variables()
    {
        var jobs = PipelineReader.ReadGitLab(Root, "pipelines/gitlab-two-sided.yml").ToList();

        Assert.Equal(["preview", "up-from-scaleway", "up-from-aws"], jobs.Select(j => j.Name).ToArray());

        var preview = Job(jobs, "preview");
        Assert.True(preview.Previews);
        Assert.False(preview.Deploys);
        Assert.Equal(["prod", "staging"], preview.Stacks.ToArray());
        Assert.Equal(["cloudiam-infra"], preview.RunnerLabels.ToArray());
        Assert.Null(preview.RunnerProvider);
        Assert.Equal(Primary, preview.StateBackend);
        Assert.Equal(["grafanaAdminPassword", "runnerToken"], preview.ConfigKeysSet.ToArray());

        var scaleway = Job(jobs, "up-from-scaleway");
        Assert.True(scaleway.Deploys);
        Assert.Equal("scaleway", scaleway.RunnerProvider);
        Assert.Equal(["prod"], scaleway.Stacks.ToArray());
        Assert.Equal(Primary, scaleway.StateBackend);
        Assert.Equal("pulumi-prod", scaleway.ResourceGroup);
        Assert.Equal("prod", scaleway.Environment);
        Assert.Equal(38, scaleway.Line);

        var aws = Job(jobs, "up-from-aws");
        Assert.Equal("aws", aws.RunnerProvider);
        Assert.Equal(["prod"], aws.Stacks.ToArray());
        Assert.Null(aws.StateBackend);
        Assert.Equal(["grafanaAdminPassword", "runnerToken"], aws.ConfigKeysSet.ToArray());
    }

    [Fact]
    public void GitHub_jobs_read_runner_labels_env_matrix_environment_and_concurrency()
    {
        var jobs = PipelineReader.ReadGitHub(Root, "pipelines/github-two-sided.yml").ToList();

        Assert.Equal(["preview", "up-from-aws", "up-from-scaleway"], jobs.Select(j => j.Name).ToArray());

        var preview = Job(jobs, "preview");
        Assert.Equal(["prod", "staging"], preview.Stacks.ToArray());
        Assert.Equal(Primary, preview.StateBackend);
        Assert.False(preview.Deploys);

        var aws = Job(jobs, "up-from-aws");
        Assert.True(aws.Deploys);
        Assert.Equal("aws", aws.RunnerProvider);
        Assert.Equal(Replica, aws.StateBackend);
        Assert.Equal(["prod"], aws.Stacks.ToArray());
        Assert.Equal(["runnerToken"], aws.ConfigKeysSet.ToArray());
        Assert.Equal("pulumi-prod", aws.ResourceGroup);
        Assert.Equal("prod", aws.Environment);

        var scaleway = Job(jobs, "up-from-scaleway");
        Assert.Equal("scaleway", scaleway.RunnerProvider);
        Assert.Equal(["prod"], scaleway.Stacks.ToArray());
        Assert.Null(scaleway.StateBackend);
        Assert.Equal("pulumi-prod", scaleway.ResourceGroup);
        Assert.Equal("prod", scaleway.Environment);
    }

    [Fact]
    public void A_repository_is_read_in_gitlab_then_workflow_order()
    {
        var root = Directory.CreateTempSubdirectory("cloudiam-pipelines-");
        try
        {
            File.Copy(Fixtures.PathOf("pipelines/gitlab-two-sided.yml"), Path.Combine(root.FullName, PipelineReader.GitLabFile));
            var workflows = Directory.CreateDirectory(Path.Combine(root.FullName, PipelineReader.GitHubWorkflows));
            File.Copy(Fixtures.PathOf("pipelines/github-two-sided.yml"), Path.Combine(workflows.FullName, "deploy.yml"));
            File.WriteAllText(Path.Combine(workflows.FullName, "notes.txt"), "not a workflow");

            var jobs = PipelineReader.ReadRepository(root.FullName);

            Assert.Equal(
                [".gitlab-ci.yml", ".gitlab-ci.yml", ".gitlab-ci.yml", ".github/workflows/deploy.yml", ".github/workflows/deploy.yml", ".github/workflows/deploy.yml"],
                jobs.Select(j => j.File.Replace('\\', '/')).ToArray());
            Assert.Equal(4, jobs.Count(j => j.Deploys));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("job:\n  script: [pulumi up\n", "line 3, column 1")]
    [InlineData("a:\n  extends: b\nb:\n  extends: a\n  script: [pulumi up]\n", "")]
    [InlineData("a:\n  extends: .missing\n  script: [pulumi up]\n", "")]
    public void Malformed_pipelines_are_bad_input_naming_the_file(string yaml, string location)
    {
        var error = Assert.Throws<BadInputException>(() => ReadGitLabFile(yaml));

        Assert.Equal(PipelineReader.GitLabFile, error.Source);
        Assert.Equal(location, error.Location);
    }

    /// <summary>
    /// The YAML limits of every input (README "Exit codes and errors"); anchors stay allowed, as GitLab files
    /// share templates with them, but their count and what they expand to are bounded.
    /// </summary>
    [Theory]
    [InlineData("billion-laughs", "line 6, column 5", "with its aliases followed this node holds more than 100,000 nodes (the limit)")]
    [InlineData("deep-through-aliases", "line ", "with its aliases followed this node nests deeper than 64 levels (the limit)")]
    [InlineData("many-aliases", "line 1002, column 13", "more than 1,000 YAML aliases (the limit)")]
    [InlineData("nested", "line 1, column ", "nesting deeper than 64 levels (the limit)")]
    [InlineData("self-reference", "line 1, column 4", "an alias refers to a node that contains it")]
    public void A_pipeline_past_a_yaml_limit_is_bad_input_naming_file_line_and_limit(string shape, string location, string problem)
    {
        var yaml = shape switch
        {
            // Ten levels of nine aliases: 9^10 nodes once expanded, in a file of a few hundred bytes; a5 (line 6) is
            // the first to hold more than the limit.
            "billion-laughs" => "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
                + string.Concat(Enumerable.Range(1, 9).Select(level => $"a{level}: &a{level} [{string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 9))}]\n"))
                + "job:\n  script: *a9\n",
            // Each anchor nests the previous one 40 levels deeper: within the parser's limit, past it once expanded.
            "deep-through-aliases" => "a0: &a0 x\n"
                + string.Concat(Enumerable.Range(1, 3).Select(level => $"a{level}: &a{level} {new string('[', 40)}*a{level - 1}{new string(']', 40)}\n")),
            "self-reference" => "a: &a {job: [*a]}\n",
            "many-aliases" => "t: &t {tags: [x]}\n" + string.Concat(Enumerable.Range(0, 1_001).Select(i => $"j{i}: {{<<: *t, script: [pulumi up]}}\n")),
            _ => new string('[', 100) + new string(']', 100) + "\n",
        };
        var error = Assert.Throws<BadInputException>(() => ReadGitLabFile(yaml));

        Assert.Equal(PipelineReader.GitLabFile, error.Source);
        Assert.StartsWith(location, error.Location, StringComparison.Ordinal);
        Assert.Equal(problem, error.Problem);
    }

    [Fact]
    public void A_gitlab_file_sharing_templates_by_anchors_stays_within_the_limits()
    {
        var jobs = ReadGitLabFile(".runner: &runner {tags: [scaleway]}\n"
            + string.Concat(Enumerable.Range(0, 200).Select(i => $"up-{i}:\n  <<: *runner\n  script: [pulumi up --stack s{i}]\n")));

        Assert.Equal(200, jobs.Length);
        Assert.All(jobs, job => Assert.Equal(["scaleway"], job.RunnerLabels.ToArray()));
    }

    /// <summary>The jobs of a repository holding only this <c>.gitlab-ci.yml</c>.</summary>
    private static ImmutableArray<PipelineJob> ReadGitLabFile(string yaml)
    {
        var root = Directory.CreateTempSubdirectory("cloudiam-pipelines-");
        try
        {
            File.WriteAllText(Path.Combine(root.FullName, PipelineReader.GitLabFile), yaml);
            return PipelineReader.ReadRepository(root.FullName);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
