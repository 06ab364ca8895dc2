using System.Collections.Immutable;
using System.Text;
using CloudIam.Placement.Rules;
using CloudIam.Placement.Simulation;

namespace CloudIam.Infra.Reports;

/// <summary>Renders what survives an outage (the <c>simulate</c> verb).</summary>
public static class SimulationFormatter
{
    public static string Format(SimulationReport report, OutputFormat format) => format switch
    {
        OutputFormat.Json => Json(report),
        OutputFormat.Markdown => Markdown(report),
        OutputFormat.Text => Text(report),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "simulate prints text, json or markdown"),
    };

    private static string Json(SimulationReport report) => ReportJson.Serialize(new SimulationDocument(
        Design: report.DesignSource,
        Scenario: report.Scenario,
        Outage: report.Outage,
        OutsideDesign: report.OutsideDesign,
        AllCriticalUp: report.AllCriticalUp,
        Capabilities: [.. report.Capabilities.Select(c => new SimulatedCapabilityEntry(c.Name, c.Critical, c.Before, c.After, c.Up, c.BrokenDependencies, c.Remaining))],
        Deployments: [.. report.Watched.Select(WatchedText.Json)],
        PublicHosts: [.. report.PublicHosts.Select(host => new PublicHostEntry(host.Host, host.Capability, host.Resolves, host.AnsweringDns, host.LostDns, host.LiveInstances))],
        Observers: LeftJson(report, report.ObserverCapabilities),
        Recovery: LeftJson(report, report.RecoveryCapabilities)));

    private static ImmutableArray<CapabilityLeftEntry> LeftJson(SimulationReport report, IEnumerable<string> names) =>
        [.. Left(report, names).Select(c => new CapabilityLeftEntry(c.Name, c.Before, c.Remaining))];

    private static string Text(SimulationReport report)
    {
        var table = Terminal.Table("capability", "critical", "before", "after", "status");
        foreach (var capability in report.Capabilities)
        {
            table.Row(capability.Name, capability.Critical ? "yes" : "no", Count(capability.Before), Count(capability.After), Status(capability));
        }

        return Terminal.Render(
        [
            Terminal.Line(Heading(report)),
            Terminal.Line($"outage: {string.Join(", ", report.Outage.DefaultIfEmpty("(no domain of this design)"))}"),
            Terminal.Line(OutsideLine(report)),
            table,
            .. Story(report).Select(Terminal.Line),
            Terminal.Line(Verdict(report)),
        ]);
    }

    private static string Markdown(SimulationReport report)
    {
        var text = new StringBuilder();
        text.Append("## ").Append(Heading(report)).Append("\n\n");
        text.Append("Outage: ").AppendJoin(", ", report.Outage.Select(Reports.Markdown.Code).DefaultIfEmpty("(no domain of this design)")).Append("\n\n");
        if (!report.OutsideDesign.IsEmpty)
        {
            text.Append(OutsideLine(report)).Append("\n\n");
        }

        Reports.Markdown.AppendTable(
            text,
            ["capability", "critical", "before", "after", "status"],
            report.Capabilities.Select(c => (IReadOnlyList<string>)[c.Name, c.Critical ? "yes" : "no", Count(c.Before), Count(c.After), Status(c)]));
        foreach (var line in Story(report))
        {
            text.Append(line.StartsWith(' ') ? $"  - {line.TrimStart()}" : $"- {line}").Append('\n');
        }

        text.Append(report.Watched.IsEmpty && report.PublicHosts.IsEmpty && report.RecoveryCapabilities.IsEmpty ? "" : "\n");
        text.Append("**").Append(Verdict(report)).Append("**\n");
        return text.ToString();
    }

    /// <summary>
    /// What the incident looks like to the people on call: which deployments fall, who still sees and pages
    /// about each of them, which status pages and runners are left.
    /// </summary>
    private static IEnumerable<string> Story(SimulationReport report)
    {
        if (!report.Watched.IsEmpty)
        {
            var down = report.Watched.Count(w => w.Down);
            yield return $"deployments down: {down} of {report.Watched.Length}";
            foreach (var watched in report.Watched)
            {
                yield return $"  {WatchedText.Line(watched, status: true)}";
            }
        }

        foreach (var host in report.PublicHosts)
        {
            yield return PublicHostLine(host);
        }

        foreach (var observer in Left(report, report.ObserverCapabilities))
        {
            yield return $"{observer.Name} left: {Remaining(observer)}";
        }

        foreach (var recovery in Left(report, report.RecoveryCapabilities).Where(c => c.Name != PL005RecoveryPath.RecoveryCapability))
        {
            yield return $"{recovery.Name} left to apply a fix: {Remaining(recovery)}";
        }

        if (DeployJobsLine(report) is { Length: > 0 } jobs)
        {
            yield return jobs;
        }
    }

    private static string PublicHostLine(PublicHostReach host)
    {
        var dns = $"{string.Join(" and ", host.AnsweringDns)} DNS{(host.LostDns.IsEmpty ? "" : $" ({string.Join(", ", host.LostDns)} DNS lost)")}";
        return (host.AnsweringDns.IsEmpty, host.LiveInstances.IsEmpty) switch
        {
            (false, false) => $"{host.Host} resolves through {dns} to a live {host.Capability}: {string.Join(", ", host.LiveInstances)}",
            (true, _) => $"{host.Host} DOES NOT RESOLVE: every DNS provider publishing it is down ({string.Join(", ", host.LostDns)})",
            _ => $"{host.Host} resolves through {dns} but NO {host.Capability} instance is left to answer",
        };
    }

    private static IEnumerable<SimulatedCapability> Left(SimulationReport report, IEnumerable<string> names) =>
        names.Select(name => report.Capabilities.FirstOrDefault(c => c.Name == name)).OfType<SimulatedCapability>();

    private static string Remaining(SimulatedCapability capability) =>
        capability.Remaining.IsEmpty ? $"none of {Count(capability.Before)}" : $"{string.Join(", ", capability.Remaining)} ({Count(capability.After)} of {Count(capability.Before)})";

    private static string Heading(SimulationReport report) =>
        report.Scenario is { } scenario ? $"Simulated outage of {report.DesignSource}: {scenario}" : $"Simulated outage of {report.DesignSource}";

    private static string OutsideLine(SimulationReport report) =>
        report.OutsideDesign.IsEmpty ? "" : $"not in this design (no effect): {string.Join(", ", report.OutsideDesign)}";

    // The pipeline's deploy jobs are the way a fix gets applied during the outage: name the ones left.
    private static string DeployJobsLine(SimulationReport report) =>
        report.Capabilities.FirstOrDefault(c => c.Name == PL005RecoveryPath.RecoveryCapability) is { Before: > 0 } jobs
            ? $"deploy jobs left to apply a fix: {(jobs.Remaining.IsEmpty ? "none" : string.Join(", ", jobs.Remaining))}"
            : "";

    private static string Count(int instances) => instances.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Status(SimulatedCapability capability) => capability switch
    {
        { Before: 0 } => "-  (no instance in this design)",
        { Up: true } => "up",
        { BrokenDependencies.IsEmpty: false } when capability.After > 0 => $"DOWN (through {string.Join(", ", capability.BrokenDependencies)})",
        _ => "DOWN",
    };

    private static string Verdict(SimulationReport report) => report.AllCriticalUp
        ? "every critical capability stays up"
        : $"critical capabilities down: {string.Join(", ", report.Capabilities.Where(c => c.Critical && !c.Up).Select(c => c.Name))}";
}
