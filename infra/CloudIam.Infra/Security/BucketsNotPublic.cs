using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC003: every bucket (role <c>bucket</c>, any provider) is proven private by a resource that refers to it:
/// a public access block with all four blocks set (S3), or an explicit private ACL and no other ACL (the only
/// public-access control the Scaleway schema offers). A bucket with neither, on any provider, trips the check.
/// </summary>
public sealed class BucketsNotPublic(ProviderCatalog providers) : ISecurityCheck
{
    private static readonly string[] PublicAccessBlocks = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

    public string Id => "SEC003";

    public string Title => "Buckets are not public";

    public string Why =>
        "A public ACL or policy on a tooling bucket publishes its logs and backups to anyone who guesses the name; "
        + "blocking public access makes such a mistake impossible rather than merely absent.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program) =>
        WithRole(program, providers, ResourceRole.Bucket)
            .Where(bucket => !ProvenPrivate([.. ReferringTo(program, bucket, "bucket")]))
            .Select(bucket => new SecurityFinding
            {
                CheckId = Id,
                Resource = bucket.LogicalName,
                Message = "no public access block with all four blocks true, nor a private ACL (and no other ACL), refers to this bucket",
            });

    private static bool ProvenPrivate(IReadOnlyList<ResourceDeclaration> referring)
    {
        var acls = referring.Select(resource => resource.Property("acl")).OfType<Expr>().ToList();
        return acls.All(acl => Text(acl) == "private")
            && (acls.Count > 0 || referring.Any(block => PublicAccessBlocks.All(setting => Bool(block.Property(setting)) == true)));
    }
}
