using CloudIam.Placement.Design;
using CloudIam.Placement.Rules;
using CloudIam.Pulumi.Pipelines;

namespace CloudIam.Pulumi.Tests.Pipelines;

public sealed class RecoveryDesignTests
{
    private const string Primary = "s3://state?endpoint=s3.fr-par.scw.cloud&region=fr-par";
    private const string Replica = "s3://state-replica?region=eu-west-3";

    private static readonly PlacementDesign Stack = new()
    {
        Source = "stack prod",
        Resources =
        [
            Resource("runner-scw", "ci-runners", "scaleway"),
            Resource("runner-aws", "ci-runners", "aws"),
            Resource("prom-aws", "metrics", "aws"),
        ],
    };

    private static DesignResource Resource(string name, string capability, string provider) => new()
    {
        Urn = $"{Fixtures.Prefix}kubernetes:helm.sh/v3:Release::{name}",
        Type = "kubernetes:helm.sh/v3:Release",
        Name = name,
        Capability = capability,
        Placement = new ResourcePlacement { Provider = provider, Region = provider == "aws" ? "eu-west-3" : "fr-par" },
    };

    private static PipelineJob Deploy(string name, string provider, string? backend, params string[] stacks) => new()
    {
        File = ".gitlab-ci.yml",
        Name = name,
        Line = 1,
        Stacks = [.. stacks],
        RunnerLabels = ["cloudiam-infra", PipelineJob.ProviderLabelPrefix + provider],
        StateBackend = backend,
        Previews = false,
        Deploys = true,
        ConfigKeysSet = [],
    };

    private static PlacementDesign With(string? secrets, params PipelineJob[] jobs) =>
        RecoveryDesign.With(Stack, jobs, _ => secrets, ["ci-runners"]);

    [Fact]
    public void Each_deploy_job_of_the_stack_is_a_recovery_instance_on_its_runners_with_an_edge_to_its_backend()
    {
        var design = With(null, Deploy("up-from-scaleway", "scaleway", Primary, "prod"), Deploy("up-from-aws", "aws", Replica));

        var scaleway = design.Resources.Single(r => r.Name == "up-from-scaleway");
        Assert.Equal(PL005RecoveryPath.RecoveryCapability, scaleway.Capability);
        Assert.Equal(RecoveryDesign.DeployJobType, scaleway.Type);
        Assert.Equal("scaleway", scaleway.Placement!.Provider);
        Assert.Equal("urn:ci:prod::.gitlab-ci.yml::up-from-scaleway", scaleway.Urn);
        Assert.Equal([Stack.Resources[0].Urn, $"urn:ci:state::{Primary}"], scaleway.Dependencies.ToArray());

        var replica = design.Resources.Single(r => r.Urn == $"urn:ci:state::{Replica}");
        Assert.Equal(new ResourcePlacement { Provider = "aws", Region = "eu-west-3" }, replica.Placement);
        Assert.Null(replica.Capability);
    }

    [Fact]
    public void A_shared_backend_is_one_resource_both_jobs_depend_on()
    {
        var design = With(null, Deploy("up-from-scaleway", "scaleway", Primary), Deploy("up-from-aws", "aws", Primary));

        var backend = Assert.Single(design.Resources, r => r.Type == RecoveryDesign.StateBackendType);
        Assert.Equal("scaleway", backend.Placement!.Provider);
        Assert.All(design.Resources.Where(r => r.Type == RecoveryDesign.DeployJobType), job => Assert.Contains(backend.Urn, job.Dependencies));
    }

    [Fact]
    public void A_kms_secrets_provider_is_an_edge_and_the_passphrase_is_none()
    {
        var kms = With("awskms://alias/pulumi?region=eu-west-3", Deploy("up-from-scaleway", "scaleway", Primary));
        var passphrase = With(RecoveryDesign.Passphrase, Deploy("up-from-scaleway", "scaleway", Primary));

        var secrets = Assert.Single(kms.Resources, r => r.Type == RecoveryDesign.SecretsProviderType);
        Assert.Equal("aws", secrets.Placement!.Provider);
        Assert.Contains(secrets.Urn, kms.Resources.Single(r => r.Name == "up-from-scaleway").Dependencies);
        Assert.DoesNotContain(passphrase.Resources, r => r.Type == RecoveryDesign.SecretsProviderType);
    }

    [Fact]
    public void Unknown_backends_and_untagged_runners_stay_unplaced_and_other_stacks_and_previews_are_left_out()
    {
        var untagged = Deploy("up-anywhere", "x", null) with { RunnerLabels = ["cloudiam-infra"] };
        var preview = Deploy("preview", "aws", Replica) with { Deploys = false, Previews = true };

        var design = With(null, untagged, preview, Deploy("up-staging", "aws", Replica, "staging"));

        var job = Assert.Single(design.Resources, r => r.Type == RecoveryDesign.DeployJobType);
        Assert.Equal("up-anywhere", job.Name);
        Assert.Null(job.Placement);
        Assert.Null(Assert.Single(design.Resources, r => r.Type == RecoveryDesign.StateBackendType).Placement);
    }

    [Fact]
    public void A_design_without_deploy_jobs_is_returned_as_it_is() =>
        Assert.Same(Stack, With(null));
}
