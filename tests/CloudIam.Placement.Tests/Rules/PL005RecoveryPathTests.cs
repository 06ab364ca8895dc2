using CloudIam.Placement.Rules;
using CloudIam.Placement.Tests.Support;

namespace CloudIam.Placement.Tests.Rules;

public sealed class PL005RecoveryPathTests
{
    private const string ScalewayState = "s3://cloudiam-pulumi-state?endpoint=s3.fr-par.scw.cloud&region=fr-par";
    private const string AwsReplica = "s3://cloudiam-pulumi-state-replica?region=eu-west-3";

    private static readonly PL005RecoveryPath Rule = new();

    private static string Policy(string stateBackend, string secretsProvider = "passphrase") => $$"""
        capabilities:
          metrics: { critical: true }
          ci-runners: { critical: true }
        recovery:
          capabilities: [ci-runners]
          stateBackend: {{stateBackend}}
          secretsProvider: "{{secretsProvider}}"
        """;

    private static TestDesign TwoProviderMetrics() => new TestDesign()
        .Add("prom-scw", r => r.Capability("metrics").OnScaleway())
        .Add("prom-aws", r => r.Capability("metrics").OnAws());

    [Fact]
    public void Runners_only_on_scaleway_cannot_fix_scaleway()
    {
        var design = TwoProviderMetrics().Add("runner-scw", r => r.Capability("ci-runners").OnScaleway());

        var violation = Assert.Single(Harness.Run(Rule, design, Policy($"[\"{ScalewayState}\", \"{AwsReplica}\"]")));

        Assert.Equal("PL005", violation.Rule);
        Assert.Equal("ci-runners", violation.Capability);
        Assert.Equal(Severity.Error, violation.Severity);
        violation.HasDomains("scaleway");
        Assert.Equal("losing scaleway leaves no ci-runners instance to apply the fix (ci-runners runs on scaleway)", violation.Message);
        Assert.Equal("add one ci-runners instance on aws (eu-west-3)", violation.Suggestion);
    }

    [Fact]
    public void Runners_on_both_providers_a_replicated_state_and_a_passphrase_pass()
    {
        var design = TwoProviderMetrics()
            .Add("runner-scw", r => r.Capability("ci-runners").OnScaleway())
            .Add("runner-aws", r => r.Capability("ci-runners").OnAws());

        Assert.Empty(Harness.Run(Rule, design, Policy($"[\"{ScalewayState}\", \"{AwsReplica}\"]")));
    }

    [Fact]
    public void State_only_on_scaleway_is_lost_with_scaleway()
    {
        var design = TwoProviderMetrics()
            .Add("runner-scw", r => r.Capability("ci-runners").OnScaleway())
            .Add("runner-aws", r => r.Capability("ci-runners").OnAws());

        var violation = Assert.Single(Harness.Run(Rule, design, Policy($"\"{ScalewayState}\"")));

        Assert.Equal(PL005RecoveryPath.RecoveryCapability, violation.Capability);
        violation.HasDomains("scaleway");
        Assert.Contains("every Pulumi state backend", violation.Message, StringComparison.Ordinal);
        Assert.Equal("replicate the state to a bucket on aws (eu-west-3) and list it under recovery.stateBackend", violation.Suggestion);
    }

    [Fact]
    public void Secrets_in_aws_kms_are_lost_with_aws()
    {
        var design = TwoProviderMetrics()
            .Add("runner-scw", r => r.Capability("ci-runners").OnScaleway())
            .Add("runner-aws", r => r.Capability("ci-runners").OnAws());

        var violation = Assert.Single(Harness.Run(Rule, design, Policy($"[\"{ScalewayState}\", \"{AwsReplica}\"]", "awskms://alias/pulumi?region=eu-west-3")));

        Assert.Equal(PL005RecoveryPath.RecoveryCapability, violation.Capability);
        violation.HasDomains("aws");
        Assert.Contains("scaleway (fr-par)", violation.Suggestion, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3://cloudiam-pulumi-state?endpoint=s3.fr-par.scw.cloud&region=fr-par", "scaleway")]
    [InlineData("s3://bucket?region=fr-par&endpoint=https%3A%2F%2Fs3.fr-par.scw.cloud", "scaleway")]
    [InlineData("s3://cloudiam-pulumi-state-replica?region=eu-west-3", "aws")]
    [InlineData("s3://bucket", "aws")]
    [InlineData("s3://bucket?endpoint=bucket.s3.eu-west-3.amazonaws.com", "aws")]
    [InlineData("https://api.pulumi.com", "pulumi-cloud")]
    [InlineData("https://app.pulumi.com/cloud-iam", "pulumi-cloud")]
    [InlineData("https://s3.nl-ams.scw.cloud/bucket", "scaleway")]
    [InlineData("file:///var/lib/pulumi", CloudUrl.Local)]
    [InlineData("gs://bucket/prefix", "gcp")]
    [InlineData("azblob://container", "azure")]
    [InlineData("awskms://alias/pulumi?region=eu-west-3", "aws")]
    [InlineData("gcpkms://projects/p/locations/l/keyRings/r/cryptoKeys/k", "gcp")]
    [InlineData("azurekeyvault://vault.vault.azure.net/keys/k", "azure")]
    [InlineData("passphrase", null)]
    [InlineData("hashivault://pulumi", null)]
    [InlineData("https://minio.internal.example", null)]
    public void Url_provider_inference(string url, string? provider) =>
        Assert.Equal(provider, CloudUrl.ProviderOf(url));
}
