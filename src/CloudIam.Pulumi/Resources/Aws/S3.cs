using System.Collections.Immutable;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Pulumi.Resources.Aws;

/// <summary>The v7 bucket; encryption, public access and versioning are separate resources (inline blocks are deprecated).</summary>
public sealed record S3Bucket : IResourceArgs
{
    public static string Token => "aws:s3/bucket:Bucket";

    /// <summary>The bucket name.</summary>
    public Input<string>? Bucket { get; init; }

    public Input<bool>? ForceDestroy { get; init; }

    public ImmutableSortedDictionary<string, string>? Tags { get; init; }
}

public sealed record S3BucketServerSideEncryptionConfiguration : IResourceArgs
{
    public static string Token => "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";

    public required Input<string> Bucket { get; init; }

    public required ImmutableArray<SseRule> Rules { get; init; }
}

public sealed record SseRule : IArgsObject
{
    public required SseDefault ApplyServerSideEncryptionByDefault { get; init; }

    public Input<bool>? BucketKeyEnabled { get; init; }
}

public sealed record SseDefault : IArgsObject
{
    /// <summary><c>AES256</c> or <c>aws:kms</c>.</summary>
    public required Input<string> SseAlgorithm { get; init; }

    public Input<string>? KmsMasterKeyId { get; init; }
}

public sealed record S3BucketPublicAccessBlock : IResourceArgs
{
    public static string Token => "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";

    public required Input<string> Bucket { get; init; }

    public Input<bool>? BlockPublicAcls { get; init; }

    public Input<bool>? BlockPublicPolicy { get; init; }

    public Input<bool>? IgnorePublicAcls { get; init; }

    public Input<bool>? RestrictPublicBuckets { get; init; }
}

public sealed record S3BucketVersioning : IResourceArgs
{
    public static string Token => "aws:s3/bucketVersioning:BucketVersioning";

    public required Input<string> Bucket { get; init; }

    public required S3VersioningConfiguration VersioningConfiguration { get; init; }
}

public sealed record S3VersioningConfiguration : IArgsObject
{
    /// <summary><c>Enabled</c> or <c>Suspended</c>.</summary>
    public required Input<string> Status { get; init; }
}

/// <summary>A bucket policy document (JSON string; write it with <see cref="Input.Json"/>).</summary>
public sealed record S3BucketPolicy : IResourceArgs
{
    public static string Token => "aws:s3/bucketPolicy:BucketPolicy";

    public required Input<string> Bucket { get; init; }

    public required Input<string> Policy { get; init; }
}

/// <summary>Replicates new object versions to another bucket (both versioned) through <c>role</c>.</summary>
public sealed record S3BucketReplicationConfig : IResourceArgs
{
    public static string Token => "aws:s3/bucketReplicationConfig:BucketReplicationConfig";

    public required Input<string> Bucket { get; init; }

    /// <summary>ARN of the role S3 assumes to copy objects.</summary>
    public required Input<string> Role { get; init; }

    public required ImmutableArray<S3ReplicationRule> Rules { get; init; }
}

public sealed record S3ReplicationRule : IArgsObject
{
    public required Input<string> Status { get; init; }

    public Input<string>? Id { get; init; }

    /// <summary>An empty filter selects every object (and is what V2 replication rules need).</summary>
    public S3ReplicationFilter? Filter { get; init; }

    public S3ReplicationStatus? DeleteMarkerReplication { get; init; }

    public required S3ReplicationDestination Destination { get; init; }
}

public sealed record S3ReplicationFilter : IArgsObject
{
    public Input<string>? Prefix { get; init; }
}

public sealed record S3ReplicationStatus : IArgsObject
{
    public required Input<string> Status { get; init; }
}

public sealed record S3ReplicationDestination : IArgsObject
{
    /// <summary>The destination bucket's ARN.</summary>
    public required Input<string> Bucket { get; init; }

    public Input<string>? StorageClass { get; init; }
}

public static class S3BucketOutputs
{
    public static Output<string> BucketName(this Resource<S3Bucket> bucket) => bucket.Output<string>("bucket");

    public static Output<string> Arn(this Resource<S3Bucket> bucket) => bucket.Output<string>("arn");
}
