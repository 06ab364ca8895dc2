using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC017: a managed cluster (role <c>cluster</c>) envelope-encrypts Kubernetes Secrets with a key of the program's
/// own. The provider file's <c>security.secretsEncryption</c> says where (EKS <c>encryptionConfig</c>), or that the
/// provider offers no such setting (Kapsule encrypts etcd itself).
/// </summary>
public sealed class ClusterSecretsEncrypted(ProviderCatalog providers) : ISecurityCheck
{
    public string Id => "SEC017";

    public string ProviderSubject => "secretsEncryption";

    public string Title => "Kubernetes Secrets are envelope-encrypted";

    public string Why =>
        "The clusters hold the runner token and the webhook URLs that page on-call. Envelope encryption with a key of "
        + "the program's own puts reading them behind a KMS permission that is logged and can be revoked.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program) =>
        ProviderRequirements.Check(this, program, providers, WithRole(program, providers, ResourceRole.Cluster),
            ProviderSubject, "secrets", "key");
}
