using CloudIam.Placement.Rules;
using CloudIam.Placement.Tests.Support;

namespace CloudIam.Placement.Tests.Rules;

public sealed class PL005RecoveryPathTests
{
    private static readonly PL005RecoveryPath Rule = new();

    private const string RunnersOnly = """
        capabilities:
          metrics: { critical: true }
          ci-runners: { critical: true }
        recovery:
          capabilities: [ci-runners]
        """;

    // The shipped shape: the deploy jobs of the pipelines are instances of `recovery`.
    private const string WithDeployJobs = """
        capabilities:
          metrics: { critical: true }
          ci-runners: { critical: true }
          recovery: { critical: false }
        recovery:
          capabilities: [ci-runners]
        """;

    private static TestDesign Tooling() => new TestDesign()
        .Add("prom-scw", r => r.Capability("metrics").OnScaleway())
        .Add("prom-aws", r => r.Capability("metrics").OnAws())
        .Add("runner-scw", r => r.Capability("ci-runners").OnScaleway())
        .Add("runner-aws", r => r.Capability("ci-runners").OnAws())
        .Add("state backend s3-scw", r => r.On("scaleway", "fr-par"))
        .Add("state backend s3-aws", r => r.On("aws", "eu-west-3"));

    private static TestResource Job(TestResource job, string provider, params string[] needs) =>
        job.On(provider).Capability(PL005RecoveryPath.RecoveryCapability).DependsOn(needs);

    [Fact]
    public void Runners_only_on_scaleway_cannot_fix_scaleway()
    {
        var design = new TestDesign()
            .Add("prom-scw", r => r.Capability("metrics").OnScaleway())
            .Add("prom-aws", r => r.Capability("metrics").OnAws())
            .Add("runner-scw", r => r.Capability("ci-runners").OnScaleway());

        var violation = Assert.Single(Harness.Run(Rule, design, RunnersOnly));

        Assert.Equal("PL005", violation.Rule);
        Assert.Equal("ci-runners", violation.Capability);
        Assert.Equal(Severity.Error, violation.Severity);
        violation.HasDomains("scaleway");
        Assert.Equal("losing scaleway leaves no ci-runners instance to apply the fix (ci-runners runs on scaleway)", violation.Message);
        Assert.Equal("add one ci-runners instance on aws (eu-west-3)", violation.Suggestion);
    }

    [Fact]
    public void A_deploy_job_per_side_each_with_its_own_backend_passes()
    {
        var design = Tooling()
            .Add("up-from-scaleway", r => Job(r, "scaleway", "state backend s3-scw"))
            .Add("up-from-aws", r => Job(r, "aws", "state backend s3-aws"));

        Assert.Empty(Harness.Run(Rule, design, WithDeployJobs));
    }

    [Fact]
    public void Without_the_aws_side_deploy_job_losing_scaleway_leaves_no_way_to_apply_a_fix()
    {
        var design = Tooling().Add("up-from-scaleway", r => Job(r, "scaleway", "state backend s3-scw"));

        var violation = Assert.Single(Harness.Run(Rule, design, WithDeployJobs));

        Assert.Equal(PL005RecoveryPath.RecoveryCapability, violation.Capability);
        violation.HasDomains("scaleway");
        Assert.Equal("losing scaleway leaves no deploy job to apply the fix: up-from-scaleway runs on scaleway", violation.Message);
        Assert.Equal("add a deploy job on the runners of aws (eu-west-3), a copy of up-from-scaleway with its own state backend off scaleway", violation.Suggestion);
    }

    [Fact]
    public void Both_jobs_on_one_backend_lose_it_with_its_provider()
    {
        var design = Tooling()
            .Add("up-from-scaleway", r => Job(r, "scaleway", "state backend s3-scw"))
            .Add("up-from-aws", r => Job(r, "aws", "state backend s3-scw"));

        var violation = Assert.Single(Harness.Run(Rule, design, WithDeployJobs));

        violation.HasDomains("scaleway");
        Assert.Equal(
            "losing scaleway leaves no deploy job to apply the fix: up-from-scaleway runs on scaleway and up-from-aws needs the state backend s3-scw on scaleway",
            violation.Message);
        Assert.Equal("point up-from-aws off scaleway: replace the state backend s3-scw with one on aws (eu-west-3)", violation.Suggestion);
    }

    [Fact]
    public void Secrets_in_a_kms_of_aws_are_lost_with_aws()
    {
        var design = Tooling()
            .Add("secrets provider awskms", r => r.On("aws", "eu-west-3"))
            .Add("up-from-scaleway", r => Job(r, "scaleway", "state backend s3-scw", "secrets provider awskms"))
            .Add("up-from-aws", r => Job(r, "aws", "state backend s3-aws", "secrets provider awskms"));

        var violation = Assert.Single(Harness.Run(Rule, design, WithDeployJobs));

        violation.HasDomains("aws");
        Assert.Contains("up-from-scaleway needs the secrets provider awskms on aws", violation.Message, StringComparison.Ordinal);
        Assert.Equal("point up-from-scaleway off aws: replace the secrets provider awskms with one on scaleway (fr-par)", violation.Suggestion);
    }

    [Fact]
    public void A_backend_on_no_known_provider_cannot_be_counted_on()
    {
        var design = Tooling()
            .Add("state backend minio", r => r)
            .Add("up-from-scaleway", r => Job(r, "scaleway", "state backend s3-scw"))
            .Add("up-from-aws", r => Job(r, "aws", "state backend minio"));

        var violation = Assert.Single(Harness.Run(Rule, design, WithDeployJobs));

        violation.HasDomains("scaleway");
        Assert.Contains("up-from-aws needs the state backend minio, which lives on no provider this check knows", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_recovery_capability_without_any_deploy_job_fails_for_every_provider()
    {
        var violations = Harness.Run(Rule, Tooling(), WithDeployJobs);

        Assert.Equal(["aws", "scaleway"], violations.Select(v => v.Domains.Single()).ToArray());
        Assert.All(violations, v => Assert.EndsWith("the pipelines hold no deploy job", v.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_job_on_untagged_runners_is_named_as_such()
    {
        var design = Tooling()
            .Add("up-from-scaleway", r => Job(r, "scaleway", "state backend s3-scw"))
            .Add("up-anywhere", r => r.Capability(PL005RecoveryPath.RecoveryCapability).DependsOn("state backend s3-aws"));

        var violation = Assert.Single(Harness.Run(Rule, design, WithDeployJobs));

        Assert.Equal("losing scaleway leaves no deploy job to apply the fix: up-from-scaleway runs on scaleway and up-anywhere runs on runners of no known provider", violation.Message);
    }
}
