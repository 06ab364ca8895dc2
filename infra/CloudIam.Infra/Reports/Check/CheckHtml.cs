using System.Collections.Immutable;
using System.Globalization;
using CloudIam.Infra.Security;
using CloudIam.Placement.Evaluation;
using CloudIam.Placement.Simulation;

namespace CloudIam.Infra.Reports.Check;

/// <summary>
/// The verdict as one self-contained HTML page: provider × capability heatmap, outage matrix coloured
/// by what survives, resilience degrees with witnesses, violations with suggestions, security result.
/// </summary>
public static class CheckHtml
{
    public static string Render(CheckedDesign checkedDesign)
    {
        var report = checkedDesign.Report;
        var providers = report.Capabilities.SelectMany(c => c.Placements).Select(p => p.Provider).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var counts = report.Capabilities.ToDictionary(
            c => c.Name,
            c => c.Placements.GroupBy(p => p.Provider, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(p => p.Instances), StringComparer.Ordinal),
            StringComparer.Ordinal);
        return Html.Page(
            $"Placement check of {string.Join(" + ", checkedDesign.Sources)}",
            [
                Html.Verdict(report.Verdict == Verdict.Pass && checkedDesign.SecurityFindings is not { IsEmpty: false }, CheckSummary.VerdictLine(report)),
                Html.Section(
                    "Instances by provider and capability",
                    Heatmap(providers, [.. report.Capabilities.Select(c => c.Name)], (provider, capability) => counts[capability].GetValueOrDefault(provider))),
                .. Sections(report, checkedDesign.Outages.Value),
                Security(checkedDesign.SecurityFindings),
            ]);
    }

    /// <summary>The sections a check and a plan page share, after their own heading and heatmap.</summary>
    public static IEnumerable<string> Sections(PolicyReport report, OutageMatrix outages)
    {
        yield return Html.Section("Outage matrix", OutageGrid(outages));
        yield return Html.Section(
            "Resilience degree",
            "<p class=\"muted\">The smallest number of simultaneous failure-domain losses that break a capability, with one such set as the witness.</p>\n"
            + Html.Table(CheckSummary.CapabilityHeaders, report.Capabilities.Select(c => CheckSummary.CapabilityRow(report, c)), "resilience"));
        yield return Html.Section(
            "Violations",
            report.Violations.IsEmpty
                ? "<p id=\"violations\">No violation.</p>\n"
                : Html.Table(
                    ["rule", "capability", "severity", "domains", "problem", "suggestion"],
                    report.Violations.Select(ViolationView.Of).Select(v => (IReadOnlyList<string>)[v.Rule, v.Capability, v.Severity, string.Join(", ", v.Domains), v.Message, v.Suggestion]),
                    "violations"));
        if (!report.Suppressed.IsEmpty)
        {
            yield return Html.Section(
                "Suppressed",
                Html.Table(CheckSummary.SuppressedHeaders, report.Suppressed.Select(CheckSummary.SuppressedRow), "suppressed"));
        }

        if (CheckSummary.UndeclaredNote(report) is { } note)
        {
            yield return $"<p class=\"muted\">{Html.Escape(note)}</p>\n";
        }
    }

    public static string Heatmap(IReadOnlyList<string> providers, IReadOnlyList<string> capabilities, Func<string, string, int> count)
    {
        var max = providers.SelectMany(p => capabilities.Select(c => count(p, c))).DefaultIfEmpty(0).Max();
        return Html.Grid(
            "heatmap",
            capabilities,
            [.. providers.Select(p => (p, (IReadOnlyList<Html.Cell>)[.. capabilities.Select(c => count(p, c)).Select(n => new Html.Cell(n.ToString(CultureInfo.InvariantCulture), Html.Heat(n, max)))]))]);
    }

    /// <summary>
    /// null findings: no source was a compiled stack, so the baseline had nothing to run on. The rules its providers
    /// do not offer the settings of follow the findings (a plan gives them).
    /// </summary>
    public static string Security(ImmutableArray<SecurityFinding>? findings, IReadOnlyList<NotApplicable>? notApplicable = null) => Html.Section(
        "Security baseline",
        (findings switch
        {
            null => "<p id=\"security\">Not run: the security baseline checks the compiled program; check a stack (<code>--stack</code>) to include it.</p>\n",
            { IsEmpty: true } => $"<p id=\"security\">{SecurityBaseline.Checks.Length} checks, 0 finding(s).</p>\n",
            { } found => $"<p id=\"security\">{SecurityBaseline.Checks.Length} checks, {found.Length} finding(s).</p>\n"
                + Html.Table(["check", "resource", "problem"], found.Select(f => (IReadOnlyList<string>)[f.CheckId, f.Resource, f.Message]), "security-findings"),
        })
        + (notApplicable is { Count: > 0 }
            ? Html.Table(["not applicable", "provider", "why (its provider file)"], notApplicable.Select(n => (IReadOnlyList<string>)[n.CheckId, n.Provider, n.Reason]), "security-not-applicable")
            : ""));

    private static string OutageGrid(OutageMatrix matrix) =>
        "<p class=\"muted legend\">Critical capabilities after losing one provider, region or provider-internal service (instances left / before): "
        + $"<span style=\"background:{Html.Up}\">all left</span><span style=\"background:{Html.Reduced}\">up, fewer</span><span style=\"background:{Html.Down}\">DOWN</span></p>\n"
        + Html.Grid(
            "outage-matrix",
            matrix.Capabilities,
            [.. matrix.Rows.Select(row => (row.Domain, (IReadOnlyList<Html.Cell>)[.. row.Outcomes.Select(o => new Html.Cell(
                $"{o.InstancesAfter}/{o.InstancesBefore} {(o.Up ? "up" : "DOWN")}",
                !o.Up ? Html.Down : o.InstancesAfter < o.InstancesBefore ? Html.Reduced : Html.Up))]))]);
}
