using System.Collections.Immutable;
using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Security;

/// <summary>The security baseline (DESIGN §7); the program must pass every check for every stack.</summary>
public static class SecurityBaseline
{
    public static ImmutableArray<ISecurityCheck> Checks { get; } =
    [
        new AdminPortsClosedToTheWorld(),
        new BucketsEncrypted(ProviderCatalog.Shipped),
        new BucketsNotPublic(ProviderCatalog.Shipped),
        new InstanceMetadataV2Required(),
        new KubernetesApiAllowList(ProviderCatalog.Shipped),
        new RunnersLeastPrivilege(),
        new SecretsOnlyFromConfig(),
        new ExposedOnlyWithAuthentication(),
        new TlsOnEveryPublicHost(),
        new SecretsOnlyInKubernetesSecrets(),
    ];

    public static ImmutableArray<SecurityFinding> Run(PulumiProgram program) =>
        [.. Checks.SelectMany(check => check.Check(program))];
}
