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
