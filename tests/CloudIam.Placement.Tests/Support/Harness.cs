using System.Collections.Immutable;
using CloudIam.Placement.Analysis;
using CloudIam.Placement.Catalog;
using CloudIam.Placement.Policy;
using CloudIam.Placement.Rules;
using CloudIam.Pulumi.Providers;

namespace CloudIam.Placement.Tests.Support;

/// <summary>Runs policies and rules over test designs.</summary>
internal static class Harness
{
    public static readonly DateOnly Today = new(2026, 6, 1);

    /// <summary>
    /// The provider-internal services of the shipped files these tests name (Scaleway's DHCP, AWS's EKS control
    /// plane, OVHcloud's as the catalog's third provider): a provider file added later changes no suggestion here.
    /// </summary>
    public static ProviderServiceCatalog Services { get; } =
        ProviderCatalog.Of(ProviderCatalog.Shipped.Providers.Where(p => p.Name is "aws" or "ovh" or "scaleway")).Services;

    public static PlacementPolicy Policy(string yaml) => PolicyLoader.Parse(yaml, "test-policy.yaml");

    public static DesignAnalysis Analyze(TestDesign design, string policyYaml) =>
        DesignAnalysis.Build(design.Build(), Policy(policyYaml), Services);

    public static ImmutableArray<Violation> Run(IPlacementRule rule, TestDesign design, string policyYaml) =>
        Run(rule, Analyze(design, policyYaml));

    public static ImmutableArray<Violation> Run(IPlacementRule rule, DesignAnalysis analysis, DateOnly? today = null) =>
        [.. rule.Check(new RuleContext { Analysis = analysis, Today = today ?? Today, Rules = RuleRegistry.All })];

    /// <summary>Domains of a violation, in order (an ImmutableArray does not compare by content).</summary>
    public static void HasDomains(this Violation violation, params string[] expected) =>
        Assert.Equal(expected, violation.Domains.ToArray());
}
