using CloudIam.Pulumi.Resources.Aws;
using CloudIam.Pulumi.Resources.Scaleway;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC003: S3 buckets block all four kinds of public access; Scaleway buckets have an explicit private ACL
/// (the only public-access control the Scaleway schema offers).
/// </summary>
public sealed class BucketsNotPublic : ISecurityCheck
{
    private static readonly string[] PublicAccessBlocks = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

    public string Id => "SEC003";

    public string Title => "Buckets are not public";

    public string Why =>
        "A public ACL or policy on a tooling bucket publishes its logs and backups to anyone who guesses the name; "
        + "blocking public access makes such a mistake impossible rather than merely absent.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program)
    {
        var s3 = program.OfType<S3Bucket>()
            .Where(bucket => !Referring<S3BucketPublicAccessBlock>(program, bucket, "bucket")
                .Any(block => PublicAccessBlocks.All(setting => Bool(block.Property(setting)) == true)))
            .Select(bucket => Finding(bucket, "no BucketPublicAccessBlock with all four blocks set to true refers to this bucket"));
        var scaleway = program.OfType<ObjectBucket>()
            .Where(bucket => Referring<ObjectBucketAcl>(program, bucket, "bucket") is var acls
                && (!acls.Any() || acls.Any(acl => Text(acl.Property("acl")) != "private")))
            .Select(bucket => Finding(bucket, "the bucket needs a BucketAcl with acl: private, and no other ACL"));
        return s3.Concat(scaleway);
    }

    private SecurityFinding Finding(ResourceDeclaration bucket, string message) =>
        new() { CheckId = Id, Resource = bucket.LogicalName, Message = message };
}
