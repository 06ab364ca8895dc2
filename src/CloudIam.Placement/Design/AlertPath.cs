using System.Collections.Immutable;

namespace CloudIam.Placement.Design;

/// <summary>Where a failure has to get to: the on-call's pager, or the public status page.</summary>
public enum AlertTarget
{
    Page,
    PublicStatus,
}

/// <summary>
/// How a deployment's failure reaches its target: the resources it passes through (an Alertmanager, then the
/// receiver's endpoint; or a status page), lost when any of them is, and, where the design says, each setting on
/// the way (a probe interval, an alert's <c>for:</c>, Alertmanager's <c>group_wait</c>) with the longest it can
/// add. The hops tell whether an outage still lets the failure through (PL004, <c>simulate</c>); the settings tell
/// how long it takes (PL011). The library only follows and adds them up; whoever builds the design reads them from
/// what it deploys.
/// </summary>
public sealed record AlertPath
{
    /// <summary>For people: <c>aws-par-alertmanager -> oncall</c>.</summary>
    public required string Name { get; init; }

    /// <summary>URN of the resource that raises the alert or shows the status.</summary>
    public required string From { get; init; }

    /// <summary>URNs of every hop, <see cref="From"/> included.</summary>
    public required ImmutableArray<string> Through { get; init; }

    public required AlertTarget Target { get; init; }

    /// <summary>The capability that delivers it (<c>alerting</c>, <c>status-page</c>), for violations.</summary>
    public required string Capability { get; init; }

    /// <summary>The settings on the way; empty when the source does not say (exports, previews), so no time is known.</summary>
    public ImmutableArray<AlertPathStep> Steps { get; init; } = [];

    /// <summary>Worst case: every step waits as long as it can.</summary>
    public TimeSpan WorstCase => Steps.Aggregate(TimeSpan.Zero, (total, step) => total + step.Worst);

    /// <summary>The step that adds the most; the first one on a tie, so the report is stable.</summary>
    public AlertPathStep Costliest => Steps.Aggregate((most, step) => step.Worst > most.Worst ? step : most)!;
}

/// <summary>One setting on an alert path (<c>alertmanager group_wait</c>) and the longest it can delay the path.</summary>
public sealed record AlertPathStep(string Setting, TimeSpan Worst);

/// <summary>Durations as Prometheus and Alertmanager write them (<c>4m30s</c>), so reports read like the settings.</summary>
public static class Durations
{
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        var hours = (int)duration.TotalHours;
        return string.Concat(
            hours > 0 ? $"{hours}h" : "",
            duration.Minutes > 0 ? $"{duration.Minutes}m" : "",
            duration.Seconds > 0 ? $"{duration.Seconds}s" : "");
    }
}
