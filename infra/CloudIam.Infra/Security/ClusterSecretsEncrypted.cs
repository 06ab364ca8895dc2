using CloudIam.Pulumi.Resources.Aws;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC017: EKS encrypts Kubernetes Secrets with a KMS key of its own (<c>encryptionConfig</c> with
/// <c>resources: [secrets]</c> and a key ARN). Kapsule encrypts etcd itself and offers no setting, so it is out of scope.
/// </summary>
public sealed class ClusterSecretsEncrypted : ISecurityCheck
{
    public string Id => "SEC017";

    public string Title => "Kubernetes Secrets are envelope-encrypted";

    public string Why =>
        "The clusters hold the runner token and the webhook URLs that page on-call. Envelope encryption with a key of "
        + "the program's own puts reading them behind a KMS permission that is logged and can be revoked.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program) =>
        program.OfType<EksCluster>()
            .Where(cluster => cluster.Property("encryptionConfig") is not ExprMap config
                || !Texts(config.GetValueOrDefault("resources")).Contains("secrets")
                || (config.GetValueOrDefault("provider") as ExprMap)?.GetValueOrDefault("keyArn") is null)
            .Select(cluster => new SecurityFinding
            {
                CheckId = Id,
                Resource = cluster.LogicalName,
                Message = "set encryptionConfig { provider.keyArn: <KMS key>, resources: [secrets] }",
            });
}
