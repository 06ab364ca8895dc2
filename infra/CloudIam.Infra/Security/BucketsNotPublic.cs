using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC003: every bucket (role <c>bucket</c>, any provider) is proven private the way its provider file's
/// <c>security.bucketPrivate</c> says, by every requirement listed there: what proves it differs in kind between
/// providers (several switches of one access resource, or a private ACL and no other), so the rule names none. A
/// provider whose file says nothing trips the check.
/// </summary>
public sealed class BucketsNotPublic(ProviderCatalog providers) : ISecurityCheck
{
    public string Id => "SEC003";

    public string ProviderSubject => "bucketPrivate";

    public string Title => "Buckets are not public";

    public string Why =>
        "A public ACL or policy on a tooling bucket publishes its logs and backups to anyone who guesses the name; "
        + "blocking public access makes such a mistake impossible rather than merely absent.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program) =>
        ProviderRequirements.CheckAll(this, program, providers, WithRole(program, providers, ResourceRole.Bucket), ProviderSubject);
}
