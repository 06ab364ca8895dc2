using System.Collections.Immutable;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Pulumi.Resources.Scaleway;

public sealed record ObjectBucket : IResourceArgs
{
    public static string Token => "scaleway:object/bucket:Bucket";

    public Input<string>? Name { get; init; }

    public Input<string>? Region { get; init; }

    /// <summary>Unlike other Scaleway resources, bucket tags are a map.</summary>
    public ImmutableSortedDictionary<string, string>? Tags { get; init; }

    public Input<bool>? ForceDestroy { get; init; }

    public BucketVersioning? Versioning { get; init; }
}

public sealed record BucketVersioning : IArgsObject
{
    public required Input<bool> Enabled { get; init; }
}

/// <summary>The bucket's canned ACL; the bucket's own <c>acl</c> input is deprecated.</summary>
public sealed record ObjectBucketAcl : IResourceArgs
{
    public static string Token => "scaleway:object/bucketAcl:BucketAcl";

    public required Input<string> Bucket { get; init; }

    public Input<string>? Acl { get; init; }
}

/// <summary>A bucket policy (JSON string); principals are <c>{"SCW": "application_id:&lt;id&gt;"}</c>.</summary>
public sealed record ObjectBucketPolicy : IResourceArgs
{
    public static string Token => "scaleway:object/bucketPolicy:BucketPolicy";

    public required Input<string> Bucket { get; init; }

    public required Input<string> Policy { get; init; }

    public Input<string>? Region { get; init; }
}

public static class ObjectBucketOutputs
{
    public static Output<string> Name(this Resource<ObjectBucket> bucket) => bucket.Output<string>("name");

    public static Output<string> Endpoint(this Resource<ObjectBucket> bucket) => bucket.Output<string>("endpoint");
}
