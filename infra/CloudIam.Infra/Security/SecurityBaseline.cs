using System.Collections.Immutable;
using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Security;

/// <summary>The security baseline (DESIGN §7); the program must pass every check for every stack.</summary>
public static class SecurityBaseline
{
    public static ImmutableArray<ISecurityCheck> Checks { get; } =
    [
        new AdminPortsClosedToTheWorld(ProviderCatalog.Shipped),
        new BucketsEncrypted(ProviderCatalog.Shipped),
        new BucketsNotPublic(ProviderCatalog.Shipped),
        new InstanceMetadataV2Required(ProviderCatalog.Shipped),
        new KubernetesApiAllowList(ProviderCatalog.Shipped),
        new RunnersLeastPrivilege(ProviderCatalog.Shipped),
        new SecretsOnlyFromConfig(),
        new ExposedOnlyWithAuthentication(),
        new TlsOnEveryPublicHost(),
        new SecretsOnlyInKubernetesSecrets(),
        new ApiAllowListsNameSources(ProviderCatalog.Shipped),
        new ClusterAdminsExplicit(ProviderCatalog.Shipped),
        new NamespacesDenyByDefault(),
        new NamespacesEnforcePodSecurity(),
        new CiJobsContained(),
        new StateBucketsHardened(ProviderCatalog.Shipped),
        new ClusterSecretsEncrypted(ProviderCatalog.Shipped),
        new ControlPlaneLogsKept(ProviderCatalog.Shipped),
        new NodesWithoutPublicAddresses(ProviderCatalog.Shipped),
    ];

    public static ImmutableArray<SecurityFinding> Run(PulumiProgram program) =>
        [.. Checks.SelectMany(check => check.Check(program))];

    /// <summary>
    /// The rules that do not apply to a provider the program uses, by check then provider name, as its provider file
    /// says (a subject marked <c>notOffered</c>): shown beside the findings so a reviewer sees a decision, not an omission.
    /// </summary>
    public static ImmutableArray<NotApplicable> NotApplicable(PulumiProgram program)
    {
        var used = program.Resources.Select(resource => ProviderCatalog.Shipped.OfType(resource.Type)).OfType<ProviderDefinition>()
            .DistinctBy(provider => provider.Name, StringComparer.Ordinal).OrderBy(provider => provider.Name, StringComparer.Ordinal).ToList();
        return
        [
            .. from check in Checks
               let subject = check.ProviderSubject
               where subject is not null
               from provider in used
               let reason = provider.Security.GetValueOrDefault(subject)?.NotOffered
               where reason is not null
               select new NotApplicable { CheckId = check.Id, Provider = provider.Name, Reason = reason },
        ];
    }
}
