using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC002: every bucket (role <c>bucket</c>, any provider) declares a server-side encryption algorithm, inline
/// (<c>encryption.sseAlgorithm</c> on OVHcloud) or in a resource that refers to it (the S3
/// BucketServerSideEncryptionConfiguration). A provider whose buckets cannot declare one trips the check
/// rather than passing unseen, except the providers listed below.
/// </summary>
public sealed class BucketsEncrypted(ProviderCatalog providers) : ISecurityCheck
{
    /// <summary>
    /// Scaleway buckets are out of scope: their customer-key encryption needs a Key Manager key, which the
    /// provider schema data does not cover yet.
    /// </summary>
    private static readonly string[] OutOfScope = ["scaleway"];

    public string Id => "SEC002";

    public string Title => "Buckets are encrypted at rest";

    public string Why =>
        "Tooling buckets hold logs and backups with customer identifiers; an explicit encryption configuration makes "
        + "the protection part of the reviewed design instead of an account default someone can change.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program) =>
        WithRole(program, providers, ResourceRole.Bucket)
            .Where(bucket => !OutOfScope.Contains(providers.OfType(bucket.Type)?.Name)
                && !DeclaresAlgorithm(bucket) && !ReferringTo(program, bucket, "bucket").Any(DeclaresAlgorithm))
            .Select(bucket => new SecurityFinding
            {
                CheckId = Id,
                Resource = bucket.LogicalName,
                Message = "no sseAlgorithm is declared on this bucket or on a resource whose bucket refers to it",
            });

    private static bool DeclaresAlgorithm(ResourceDeclaration resource) =>
        Entries(resource.Properties).Any(entry => entry.Key == "sseAlgorithm" && entry.Value is not NullLiteral);
}
