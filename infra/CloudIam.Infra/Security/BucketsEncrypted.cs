using CloudIam.Pulumi.Resources.Aws;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC002: every S3 bucket has a server-side encryption configuration. Scaleway buckets are out of scope: their
/// customer-key encryption needs a Key Manager key, which the provider schema data does not cover yet.
/// </summary>
public sealed class BucketsEncrypted : ISecurityCheck
{
    public string Id => "SEC002";

    public string Title => "Buckets are encrypted at rest";

    public string Why =>
        "Tooling buckets hold logs and backups with customer identifiers; an explicit encryption configuration makes "
        + "the protection part of the reviewed design instead of an account default someone can change.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program) =>
        program.OfType<S3Bucket>()
            .Where(bucket => !Referring<S3BucketServerSideEncryptionConfiguration>(program, bucket, "bucket").Any(Encrypts))
            .Select(bucket => new SecurityFinding
            {
                CheckId = Id,
                Resource = bucket.LogicalName,
                Message = "no BucketServerSideEncryptionConfiguration with an sseAlgorithm refers to this bucket",
            });

    private static bool Encrypts(ResourceDeclaration configuration) =>
        Items(configuration.Property("rules")).OfType<ExprMap>().Any(rule =>
            rule.GetValueOrDefault("applyServerSideEncryptionByDefault") is ExprMap byDefault
            && byDefault.GetValueOrDefault("sseAlgorithm") is not null);
}
