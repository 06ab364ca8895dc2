using CloudIam.Placement;
using CloudIam.Pulumi.Graph;
using CloudIam.Pulumi.Inference;
using CloudIam.Pulumi.State;

namespace CloudIam.Pulumi.Tests;

public sealed class StackExportReaderTests
{
    private static readonly ResourceGraph Healthy = StackExportReader.Read(Fixtures.PathOf(Fixtures.Healthy));

    [Fact]
    public void Reads_every_live_resource_in_file_order()
    {
        Assert.Equal(Fixtures.PathOf(Fixtures.Healthy), Healthy.Source);
        Assert.Equal(50, Healthy.Resources.Length);
        Assert.Equal("pulumi:pulumi:Stack", Healthy.Resources[0].Type);
        Assert.Equal("status-route53-primary", Healthy.Resources[^1].Name);
    }

    [Fact]
    public void Maps_the_fields_of_a_resource()
    {
        var cluster = Healthy.Named("aws-cluster");

        Assert.Equal(Fixtures.Prefix + "cloudiam:infra:AwsSite$aws:eks/cluster:Cluster::aws-cluster", cluster.Urn);
        Assert.Equal("aws:eks/cluster:Cluster", cluster.Type);
        Assert.True(cluster.Custom);
        Assert.Equal(Fixtures.Prefix + "cloudiam:infra:AwsSite::aws", cluster.Parent);
        Assert.Equal(Fixtures.Prefix + "pulumi:providers:aws::aws-eu-west-3", cluster.Provider);
        Assert.Equal(
            ["aws-cluster-role", "aws-cluster-policy", "aws-subnet-a", "aws-subnet-b"],
            cluster.Dependencies.Select(urn => urn[(urn.LastIndexOf("::", StringComparison.Ordinal) + 2)..]));
        Assert.Equal(2, cluster.PropertyDependencies["vpcConfig"].Length);
    }

    [Fact]
    public void Reads_components_and_the_root_stack_as_non_custom()
    {
        var stack = Healthy.Named("cloudiam-infra-prod");
        var site = Healthy.Named("scw");

        Assert.False(stack.Custom);
        Assert.Null(stack.Parent);
        Assert.False(site.Custom);
        Assert.Equal("cloudiam:infra:ScalewaySite", site.Type);
        Assert.Equal(stack.Urn, site.Parent);
    }

    [Fact]
    public void Keeps_only_what_inference_reads_unless_asked_for_more()
    {
        var release = Healthy.Named("scw-ci-runners");
        var withCapacity = StackExportReader.Read(Fixtures.PathOf(Fixtures.Healthy), ["values.concurrent"]).Named("scw-ci-runners");

        Assert.Null(release.Inputs.Get("chart"));
        Assert.Null(release.Inputs.Get("values.concurrent"));
        Assert.Equal(new StringValue("ci-runners"), Assert.IsType<MapValue>(release.Inputs.Get("values.commonLabels")).Items[CapabilityTag.Key]);
        Assert.False(release.PropertyDependencies.ContainsKey("namespace"));
        Assert.True(withCapacity.Inputs.TryGetNumber("values.concurrent", out var concurrent));
        Assert.Equal(10, concurrent);
        Assert.Null(withCapacity.Inputs.Get("values.gitlabUrl"));
    }

    [Fact]
    public void Keeps_the_capability_entry_of_tags_and_from_outputs_only_what_inputs_lack()
    {
        var bucket = Healthy.Named("aws-logs-bucket");

        var tags = Assert.IsType<MapValue>(bucket.Inputs.Get("tags"));
        Assert.Equal([CapabilityTag.Key], tags.Items.Keys);
        Assert.Null(bucket.Outputs.Get("tags"));
        Assert.Equal("eu-west-3", bucket.Outputs.GetString("region"));
    }

    [Fact]
    public void Splits_a_provider_reference_at_its_last_separator_and_keeps_names_containing_separators()
    {
        const string provider = "urn:pulumi:prod::p::pulumi:providers:aws::eu::west";
        var graph = StackExportReader.Parse(
            Fixtures.Export($$"""{"urn": "urn:pulumi:prod::p::aws:s3/bucket:Bucket::logs::archive", "custom": true, "type": "aws:s3/bucket:Bucket", "provider": "{{provider}}::9f1c"}"""),
            "inline");

        var bucket = Assert.Single(graph.Resources);
        Assert.Equal(provider, bucket.Provider);
        Assert.Equal("logs::archive", bucket.Name);
    }

    [Fact]
    public void Decodes_escaped_names_and_text()
    {
        var graph = StackExportReader.Parse(
            Fixtures.Export("""{"\u0075rn": "urn:pulumi:prod::p::aws:s3/bucket:Bucket::caf\u00e9", "type": "aws:s3/bucket:Bucket", "inputs": {"regi\u006fn": "eu-west-\u0033"}}"""),
            "inline");

        var bucket = Assert.Single(graph.Resources);
        Assert.Equal("café", bucket.Name);
        Assert.Equal("eu-west-3", bucket.Inputs.GetString("region"));
    }

    [Fact]
    public void Keeps_a_whole_value_when_asked_for_its_root()
    {
        var release = StackExportReader.Read(Fixtures.PathOf(Fixtures.Healthy), ["values"]).Named("aws-status-page");

        Assert.Equal("sqlite", release.Inputs.GetString("values.config.storage.type"));
        Assert.Equal(new StringValue("aws"), Assert.IsType<MapValue>(release.Inputs.Get("values.commonLabels")).Items["cloudiam.io/site"]);
    }

    [Fact]
    public void Reads_a_provider_reference_whose_id_is_not_known_yet()
    {
        var graph = StackExportReader.Parse(
            Fixtures.Export("""{"urn": "urn:pulumi:prod::p::aws:s3/bucket:Bucket::logs", "custom": true, "type": "aws:s3/bucket:Bucket", "provider": "urn:pulumi:prod::p::pulumi:providers:aws::default::04da6b54-80e4-46f7-96ec-b56ff0331ba9"}"""),
            "inline");

        Assert.Equal("urn:pulumi:prod::p::pulumi:providers:aws::default", Assert.Single(graph.Resources).Provider);
    }

    [Theory]
    [InlineData(Fixtures.Healthy)]
    [InlineData(Fixtures.AwsOnly)]
    [InlineData(Fixtures.ScalewayOnly)]
    public void Never_keeps_a_secret_ciphertext_or_plaintext(string fixture)
    {
        var bytes = Fixtures.Bytes(fixture);
        var canaries = Fixtures.SecretCanaries(bytes);
        var graph = StackExportReader.Parse(bytes, fixture, Fixtures.AllPropertyRoots(bytes));

        Assert.NotEmpty(canaries);
        var leaked = Fixtures.AllStrings(graph).Where(text => canaries.Any(canary => text.Contains(canary, StringComparison.Ordinal)));
        Assert.Empty(leaked);
    }

    [Fact]
    public void Reads_secrets_as_the_secret_marker()
    {
        var bytes = Fixtures.Bytes(Fixtures.AwsOnly);
        var graph = StackExportReader.Parse(bytes, "aws-only", ["values.runnerToken", "stringData"]);

        Assert.Same(PropertyValue.Secret, graph.Named("aws-a-k8s").Inputs.Get("kubeconfig"));
        Assert.Same(PropertyValue.Secret, graph.Named("aws-a-ci-runners").Inputs.Get("values.runnerToken"));
        Assert.Same(PropertyValue.Secret, graph.Named("aws-a-runner-token").Inputs.Get("stringData"));
    }

    [Fact]
    public void Reads_the_unknown_sentinel_and_resource_references_and_assets()
    {
        var graph = StackExportReader.Parse(
            Fixtures.Export("""
                {"urn": "urn:pulumi:prod::p::aws:s3/bucket:Bucket::logs", "custom": true, "type": "aws:s3/bucket:Bucket",
                 "inputs": {"region": "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
                            "tags": {"owner": {"4dabf18193072939515e22adb298388d": "5cf8f73096256a8f31e491e813e4eb8e", "urn": "urn:pulumi:prod::p::aws:iam/role:Role::ops", "id": "ops"},
                                     "policy": {"4dabf18193072939515e22adb298388d": "c44067f5952c0a294b673a41bacd8c17", "hash": "ab12", "text": "{}"},
                                     "late": {"ciphertext": "v1:late", "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270"}}}}
                """),
            "inline",
            ["tags"]);

        var inputs = Assert.Single(graph.Resources).Inputs;
        Assert.Same(PropertyValue.Unknown, inputs.Get("region"));
        Assert.Equal("urn:pulumi:prod::p::aws:iam/role:Role::ops", inputs.GetString("tags.owner"));
        Assert.Same(PropertyValue.Unknown, inputs.Get("tags.policy"));
        Assert.Same(PropertyValue.Secret, inputs.Get("tags.late"));
    }

    [Fact]
    public void Skips_resources_pending_deletion()
    {
        var alerting = Healthy.Resources.Where(r => r.Name == "aws-alerting").ToList();

        var live = Assert.Single(alerting);
        var labels = Assert.IsType<MapValue>(live.Inputs.Get("values.commonLabels"));
        Assert.Equal(new StringValue("alerting"), labels.Items[CapabilityTag.Key]);
    }

    [Fact]
    public void Accepts_version_4_without_features_and_a_version_written_after_the_deployment()
    {
        var v4 = StackExportReader.Parse("""{"version": 4, "deployment": {"resources": []}}"""u8, "v4");
        var reordered = StackExportReader.Parse(
            """{"deployment": {"resources": [{"urn": "urn:pulumi:s::p::pulumi:pulumi:Stack::p-s", "custom": false, "type": "pulumi:pulumi:Stack"}]}, "version": 3}"""u8,
            "reordered");

        Assert.Empty(v4.Resources);
        Assert.Single(reordered.Resources);
    }

    [Fact]
    public void Refuses_features_it_does_not_know()
    {
        var error = Assert.Throws<BadInputException>(() =>
            StackExportReader.Parse("""{"version": 4, "features": ["refreshBeforeUpdate"], "deployment": {"resources": []}}"""u8, "v4.json"));

        Assert.Equal("$.features", error.Location);
        Assert.Contains("refreshBeforeUpdate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_an_unsupported_version_even_when_it_follows_a_deployment_it_cannot_read()
    {
        var error = Assert.Throws<BadInputException>(() =>
            StackExportReader.Parse("""{"deployment": {"resources": [{"name": "old-format"}]}, "version": 1}"""u8, "v1.json"));

        Assert.Equal("$.version", error.Location);
        Assert.Contains("unsupported state version 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_two_live_resources_with_one_urn()
    {
        const string bucket = """{"urn": "urn:pulumi:prod::p::aws:s3/bucket:Bucket::logs", "custom": true, "type": "aws:s3/bucket:Bucket"}""";

        var error = Assert.Throws<BadInputException>(() => StackExportReader.Parse(Fixtures.Export(bucket, bucket), "dup.json"));

        Assert.Equal("$.deployment.resources[1].urn", error.Location);
    }

    [Fact]
    public void Accepts_a_byte_order_mark()
    {
        var graph = StackExportReader.Parse([0xEF, 0xBB, 0xBF, .. Fixtures.Export()], "bom.json");

        Assert.Empty(graph.Resources);
    }
}
