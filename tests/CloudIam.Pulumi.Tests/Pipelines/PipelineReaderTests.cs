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
        var root = Directory.CreateTempSubdirectory("cloudiam-pipelines-");
        try
        {
            File.WriteAllText(Path.Combine(root.FullName, PipelineReader.GitLabFile), yaml);

            var error = Assert.Throws<BadInputException>(() => PipelineReader.ReadRepository(root.FullName));

            Assert.Equal(PipelineReader.GitLabFile, error.Source);
            Assert.Equal(location, error.Location);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
