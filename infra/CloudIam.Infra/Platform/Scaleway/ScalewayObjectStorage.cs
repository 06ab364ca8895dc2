using CloudIam.Infra.Capabilities;
using CloudIam.Pulumi.Resources.Scaleway;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Platform.Scaleway;

public sealed record ScalewayObjectStorageArgs
{
    public required ProviderScope Scope { get; init; }
}

/// <summary>
/// The site's tooling bucket: versioned and with a private ACL. Scaleway encrypts with a customer key only
/// through Key Manager, which pulumi-facts does not cover, so server-side encryption is left to the platform.
/// </summary>
public sealed class ScalewayObjectStorage
{
    public ScalewayObjectStorage(ProgramBuilder program, ScalewayObjectStorageArgs args)
    {
        var scope = args.Scope;
        Bucket = program.Add(scope.LogicalName("bucket"), new ObjectBucket
        {
            Name = $"{scope.CloudName}-tooling",
            Region = scope.Region,
            Versioning = new BucketVersioning { Enabled = true },
            ForceDestroy = !scope.Protect,
            Tags = Capability.Map(Capability.Platform),
        }, scope.Options(stateful: true));
        program.Add(scope.LogicalName("bucket-acl"), new ObjectBucketAcl
        {
            Bucket = Bucket.Name(),
            Acl = "private",
        }, scope.Options(parent: Bucket));
    }

    public Resource<ObjectBucket> Bucket { get; }
}
