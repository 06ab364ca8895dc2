using CloudIam.Infra.Platform;
using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC016: buckets (role <c>bucket</c>) tagged as Pulumi state (<c>cloudiam.io/purpose: pulumi-state</c>) are
/// versioned, under a policy that admits only the deploy principal and refuses plain HTTP, and replicated to (or the
/// replica of) another bucket. The provider file's <c>security.stateBucket</c> says where each lives, or that the
/// provider does not offer it. Encryption and public access are SEC002 and SEC003, as for every bucket.
/// </summary>
public sealed class StateBucketsHardened(ProviderCatalog providers) : ISecurityCheck
{
    public string Id => "SEC016";

    public string ProviderSubject => "stateBucket";

    public string Title => "State buckets are versioned, replicated and for the deploy role only";

    public string Why =>
        "The state holds every secret of the stacks and the Kapsule admin kubeconfig. Whoever reads it owns both "
        + "providers; whoever deletes or corrupts it leaves the program unable to manage what it built.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program) =>
        ProviderRequirements.Check(this, program, providers, WithRole(program, providers, ResourceRole.Bucket).Where(IsState),
            ProviderSubject, "versioned", "deployOnly", "tlsOnly", "replicated");

    private static bool IsState(ResourceDeclaration bucket) =>
        Text((bucket.Property("tags") as ExprMap)?.GetValueOrDefault(StateBucket.PurposeKey)) == StateBucket.Purpose;
}
