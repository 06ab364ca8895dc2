using CloudIam.Placement;
using CloudIam.Pulumi.Graph;
using CloudIam.Pulumi.Preview;

namespace CloudIam.Pulumi.Tests;

public sealed class PreviewReaderTests
{
    private static readonly ResourceGraph Preview = PreviewReader.Read(Fixtures.PathOf(Fixtures.HealthyPreview), ["values.concurrent"]);

    [Fact]
    public void Keeps_the_resources_the_update_leaves_in_place()
    {
        Assert.Contains(Preview.Resources, r => r.Name == "aws-status-endpoints");
        Assert.DoesNotContain(Preview.Resources, r => r.Name == "scw-old-backups");
        Assert.Equal(51, Preview.Resources.Length);
    }

    [Fact]
    public void Lists_a_replaced_resource_once_with_its_new_state_where_its_first_step_was()
    {
        var replaced = Assert.Single(Preview.Resources, r => r.Name == "aws-alerting");
        var position = Preview.Resources.IndexOf(replaced);

        Assert.Equal("aws-metrics", Preview.Resources[position - 2].Name);
        Assert.Equal("aws-logs", Preview.Resources[position - 1].Name);
        Assert.Equal(Fixtures.Prefix + "cloudiam:infra:AwsSite$pulumi:providers:kubernetes::aws-k8s", replaced.Provider);
    }

    [Fact]
    public void Reads_the_new_state_of_an_update()
    {
        Assert.True(Preview.Named("scw-ci-runners").Inputs.TryGetNumber("values.concurrent", out var concurrent));
        Assert.Equal(10, concurrent);
    }

    [Fact]
    public void Reads_blinded_secrets_as_the_secret_marker()
    {
        Assert.Same(PropertyValue.Secret, Preview.Named("scw-k8s").Inputs.Get("kubeconfig"));
        Assert.Same(PropertyValue.Secret, Preview.Named("aws-k8s").Inputs.Get("kubeconfig"));
    }

    [Fact]
    public void Reads_unknown_values_and_blinded_secrets_inside_properties()
    {
        const string step = """
            {"steps": [{"op": "create", "urn": "urn:pulumi:prod::p::aws:s3/bucket:Bucket::logs",
              "newState": {"urn": "urn:pulumi:prod::p::aws:s3/bucket:Bucket::logs", "custom": true, "type": "aws:s3/bucket:Bucket",
                           "inputs": {"region": "04da6b54-80e4-46f7-96ec-b56ff0331ba9", "tags": {"note": "[secret]"}}}}]}
            """;

        var bucket = Assert.Single(PreviewReader.Parse(System.Text.Encoding.UTF8.GetBytes(step), "inline", ["tags"]).Resources);

        Assert.Same(PropertyValue.Unknown, bucket.Inputs.Get("region"));
        Assert.Same(PropertyValue.Secret, bucket.Inputs.Get("tags.note"));
    }

    [Fact]
    public void Reads_a_preview_without_steps_as_an_empty_graph()
    {
        Assert.Empty(PreviewReader.Parse("""{"config": {}, "steps": null, "duration": 0}"""u8, "inline").Resources);
    }

    [Fact]
    public void Refuses_a_step_without_an_operation()
    {
        var error = Assert.Throws<BadInputException>(() =>
            PreviewReader.Parse("""{"steps": [{"op": "same"}, {"urn": "urn:pulumi:s::p::t:m:T::x"}]}"""u8, "preview.json"));

        Assert.Equal("$.steps[1].op", error.Location);
        Assert.StartsWith("preview.json:$.steps[1].op:", error.Message, StringComparison.Ordinal);
    }
}
