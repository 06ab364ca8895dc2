using CloudIam.Pulumi.Pipelines;

namespace CloudIam.Pulumi.Tests.Pipelines;

public sealed class CloudUrlTests
{
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

    [Theory]
    [InlineData("s3://cloudiam-pulumi-state-replica?region=eu-west-3", "eu-west-3")]
    [InlineData("s3://cloudiam-pulumi-state?endpoint=s3.fr-par.scw.cloud&region=fr-par", "fr-par")]
    [InlineData("s3://bucket", null)]
    [InlineData("passphrase", null)]
    public void Url_region(string url, string? region) =>
        Assert.Equal(region, CloudUrl.RegionOf(url));
}
