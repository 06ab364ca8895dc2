using System.Collections.Immutable;

namespace CloudIam.Placement.Design;

/// <summary>
/// An observer edge: <see cref="Observer"/> probes <see cref="Observed"/> (a status-page endpoint, a blackbox
/// target). Who watches whom is read from the design, so PL004 checks it instead of assuming that every
/// instance of an observing capability watches everything.
/// </summary>
public sealed record Observation
{
    /// <summary>URN of the probing resource.</summary>
    public required string Observer { get; init; }

    /// <summary>URN of the probed resource, e.g. a customer deployment.</summary>
    public required string Observed { get; init; }
}

/// <summary>
/// How an alert raised by <see cref="From"/> reaches a person: every resource it passes through (the raising
/// instance itself, an Alertmanager, the receiver's endpoint). The route is lost when any of them is.
/// </summary>
public sealed record AlertPath
{
    /// <summary>URN of the resource that raises the alert.</summary>
    public required string From { get; init; }

    /// <summary>For people: <c>aws-par-alertmanager -> oncall</c>.</summary>
    public required string Name { get; init; }

    /// <summary>URNs of every hop, <see cref="From"/> included.</summary>
    public required ImmutableArray<string> Through { get; init; }
}
