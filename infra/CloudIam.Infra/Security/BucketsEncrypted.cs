using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC002: every bucket (role <c>bucket</c>, any provider) declares a server-side encryption algorithm where its
/// provider file's <c>security.bucketEncryption</c> says (inline <c>encryption.sseAlgorithm</c> on OVHcloud, the S3
/// BucketServerSideEncryptionConfiguration on AWS). A provider whose file says nothing trips the check; one whose
/// buckets cannot declare it says so there (Scaleway).
/// </summary>
public sealed class BucketsEncrypted(ProviderCatalog providers) : ISecurityCheck
{
    public string Id => "SEC002";

    public string ProviderSubject => "bucketEncryption";

    public string Title => "Buckets are encrypted at rest";

    public string Why =>
        "Tooling buckets hold logs and backups with customer identifiers; an explicit encryption configuration makes "
        + "the protection part of the reviewed design instead of an account default someone can change.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program) =>
        ProviderRequirements.Check(this, program, providers, WithRole(program, providers, ResourceRole.Bucket), ProviderSubject, "algorithm");
}
