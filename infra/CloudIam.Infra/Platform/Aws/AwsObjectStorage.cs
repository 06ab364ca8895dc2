using CloudIam.Infra.Capabilities;
using CloudIam.Pulumi.Resources.Aws;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Platform.Aws;

public sealed record AwsObjectStorageArgs
{
    public required ProviderScope Scope { get; init; }
}

/// <summary>The site's tooling bucket: SSE-S3 encrypted, every kind of public access blocked, versioned.</summary>
public sealed class AwsObjectStorage
{
    public AwsObjectStorage(ProgramBuilder program, AwsObjectStorageArgs args)
    {
        var scope = args.Scope;
        Bucket = program.Add(scope.LogicalName("bucket"), new S3Bucket
        {
            Bucket = $"{scope.CloudName}-tooling",
            ForceDestroy = !scope.Protect,
            Tags = Capability.Map(Capability.Platform),
        }, scope.Options(stateful: true));
        program.Add(scope.LogicalName("bucket-encryption"), new S3BucketServerSideEncryptionConfiguration
        {
            Bucket = Bucket.Id,
            Rules = [new SseRule { ApplyServerSideEncryptionByDefault = new SseDefault { SseAlgorithm = "AES256" } }],
        }, scope.Options(parent: Bucket));
        program.Add(scope.LogicalName("bucket-public-access-block"), new S3BucketPublicAccessBlock
        {
            Bucket = Bucket.Id,
            BlockPublicAcls = true,
            BlockPublicPolicy = true,
            IgnorePublicAcls = true,
            RestrictPublicBuckets = true,
        }, scope.Options(parent: Bucket));
        program.Add(scope.LogicalName("bucket-versioning"), new S3BucketVersioning
        {
            Bucket = Bucket.Id,
            VersioningConfiguration = new S3VersioningConfiguration { Status = "Enabled" },
        }, scope.Options(parent: Bucket));
    }

    public Resource<S3Bucket> Bucket { get; }
}
