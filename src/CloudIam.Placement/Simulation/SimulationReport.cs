using System.Collections.Immutable;
using CloudIam.Placement.Analysis;

namespace CloudIam.Placement.Simulation;

/// <summary>What survives one outage: per capability, instances before and after, up or down.</summary>
public sealed record SimulationReport
{
    public required string DesignSource { get; init; }

    public string? Scenario { get; init; }

    /// <summary>Failed domains present in the design, broadest first.</summary>
    public required ImmutableArray<string> Outage { get; init; }

    /// <summary>Failed domains the design does not use.</summary>
    public required ImmutableArray<string> OutsideDesign { get; init; }

    public required ImmutableArray<SimulatedCapability> Capabilities { get; init; }

    /// <summary>Every instance of an observed capability (the customer deployments): whether it falls, and who still sees and pages about it.</summary>
    public ImmutableArray<WatchedInstance> Watched { get; init; } = [];

    /// <summary>Whether each public host (the status page's) still leads to a live instance.</summary>
    public ImmutableArray<PublicHostReach> PublicHosts { get; init; } = [];

    /// <summary>Capabilities that observe others (the status page, alerting), by name.</summary>
    public ImmutableArray<string> ObserverCapabilities { get; init; } = [];

    /// <summary>The policy's recovery capabilities (the runners that apply a fix), by name.</summary>
    public ImmutableArray<string> RecoveryCapabilities { get; init; } = [];

    public bool AllCriticalUp => Capabilities.All(c => !c.Critical || c.Up);

    public static SimulationReport Simulate(DesignAnalysis analysis, OutageSet outage, string? scenario = null) => new()
    {
        DesignSource = analysis.Design.Source,
        Scenario = scenario,
        Outage = [.. outage.Domains.Select(d => d.Id)],
        OutsideDesign = outage.OutsideDesign,
        Capabilities = [.. analysis.Evaluate(outage).Select(o => new SimulatedCapability
        {
            Name = o.Capability,
            Critical = analysis.Capabilities[o.Capability].Spec.Critical,
            Before = o.InstancesBefore,
            After = o.InstancesAfter,
            Up = o.Up,
            BrokenDependencies = o.BrokenDependencies,
            Remaining = [.. analysis.Capabilities[o.Capability].Instances.Where(i => !i.IsLostIn(outage)).Select(i => i.Resource.Name)],
        })],
        Watched = analysis.Watchers.Describe(outage),
        PublicHosts = PublicHostReach.Of(analysis, outage),
        ObserverCapabilities = [.. analysis.Capabilities.Values.Where(c => !c.Spec.Observes.IsEmpty).Select(c => c.Name)],
        RecoveryCapabilities = analysis.Policy.Recovery?.Capabilities ?? [],
    };
}

public sealed record SimulatedCapability
{
    public required string Name { get; init; }

    public required bool Critical { get; init; }

    public required int Before { get; init; }

    public required int After { get; init; }

    public required bool Up { get; init; }

    public required ImmutableArray<string> BrokenDependencies { get; init; }

    /// <summary>Names of the instances the outage leaves, in design order: which deploy job still applies a fix.</summary>
    public required ImmutableArray<string> Remaining { get; init; }
}
