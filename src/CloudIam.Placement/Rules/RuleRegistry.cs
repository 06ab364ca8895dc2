using System.Collections.Immutable;

namespace CloudIam.Placement.Rules;

/// <summary>Every rule by ID: what the engine runs, what <c>explain RULE</c> looks up.</summary>
public static class RuleRegistry
{
    /// <summary>In ID order.</summary>
    public static ImmutableArray<IPlacementRule> All { get; } =
    [
        new PL001MinProviders(),
        new PL002SingleDomainLoss(),
        new PL003QuorumMajority(),
        new PL004InvisibleOutage(),
        new PL005RecoveryPath(),
        new PL006CapacityAfterLoss(),
        new PL007TransitiveBreak(),
        new PL008UnplacedResource(),
        new PL009SuppressionHygiene(),
        new PL010PublicDnsPath(),
        new PL011TimeToPage(),
    ];

    /// <summary>The rule with exactly this ID (ordinal, as suppressions match), or null.</summary>
    public static IPlacementRule? Find(string id) => All.FirstOrDefault(rule => rule.Id == id);
}
