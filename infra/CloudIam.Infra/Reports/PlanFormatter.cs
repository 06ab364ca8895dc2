using System.Globalization;
using System.Text;
using CloudIam.Infra.Components.Exposure;
using CloudIam.Infra.Reports.Check;
using CloudIam.Placement.Analysis;
using CloudIam.Placement.Simulation;
using Spectre.Console.Rendering;

namespace CloudIam.Infra.Reports;

/// <summary>Renders a <see cref="PlanReport"/> for the terminal, report.md and report.json.</summary>
public static class PlanFormatter
{
    public static string Text(PlanReport plan)
    {
        var parts = new List<IRenderable>
        {
            Terminal.Line($"Plan of stack {plan.Stack} ({plan.Source}): {plan.ResourceCount} resources"),
            Terminal.Line("Resources by provider and capability:"),
            Table(ResourceHeaders(plan), ResourceRows(plan)),
            Terminal.Line("Watching and paging, per site:"),
            new Spectre.Console.Text(WatchText(plan)),
            Terminal.Line("Outage matrix (critical capabilities after losing one domain):"),
            Table(MatrixHeaders(plan.Outages), MatrixRows(plan.Outages)),
            Terminal.Line("Placement policy and resilience degree (simultaneous domain losses that break a capability):"),
            Terminal.Block(CheckText.Render(plan.Policy, [])),
            Terminal.Line(SecurityLine(plan)),
        };
        parts.AddRange(plan.SecurityNotApplicable.Select(item => Terminal.Line($"note {item}")));
        if (plan.Exposure is { } exposure)
        {
            parts.Add(Terminal.Line("How the tooling is reached:"));
            parts.Add(Table(ExposureHeaders, ExposureRows(exposure)));
        }

        parts.AddRange(plan.SecurityFindings.Select(f => Terminal.Line($"error {f}")));
        parts.Add(Terminal.Line(Verdict(plan)));
        return Terminal.Render([.. parts]);
    }

    public static string Markdown(PlanReport plan)
    {
        var text = new StringBuilder();
        text.Append("# Plan of stack `").Append(plan.Stack).Append("`\n\n");
        CheckMermaid.Append(text, plan.Policy);
        text.Append("Source: `").Append(plan.Source).Append("` — ").Append(plan.ResourceCount.ToString(CultureInfo.InvariantCulture)).Append(" resources.\n\n");
        text.Append("**").Append(Verdict(plan)).Append("**\n\n");
        text.Append("## Resources by provider and capability\n\n");
        Reports.Markdown.AppendTable(text, ResourceHeaders(plan), ResourceRows(plan));
        text.Append("## Watching and paging\n\n");
        foreach (var site in plan.Watch)
        {
            text.Append("### ").Append(site.Site).Append(" (").Append(site.Provider).Append(")\n\n");
            foreach (var (section, items) in site.Sections)
            {
                text.Append("- **").Append(section).Append("**\n");
                foreach (var item in items)
                {
                    text.Append("  - ").Append(item).Append('\n');
                }
            }

            text.Append('\n');
        }

        text.Append("## Outage matrix\n\nCritical capabilities after losing one provider, region or provider-internal service (instances left / before).\n\n");
        Reports.Markdown.AppendTable(text, MatrixHeaders(plan.Outages), MatrixRows(plan.Outages));
        text.Append("## Placement policy\n\n");
        CheckMarkdown.Append(text, plan.Policy);
        text.Append("## Security baseline\n\n").Append(SecurityLine(plan)).Append("\n\n");
        var securityItems = plan.SecurityFindings.Select(finding => finding.ToString()).Concat(plan.SecurityNotApplicable.Select(item => item.ToString())).ToList();
        foreach (var item in securityItems)
        {
            text.Append("- ").Append(item).Append('\n');
        }

        if (plan.Exposure is { } exposure)
        {
            text.Append(securityItems.Count == 0 ? "" : "\n").Append("## How the tooling is reached\n\n");
            foreach (var site in exposure.Sites)
            {
                text.Append("- **").Append(site.Site).Append("**: controller ").Append(site.Controller).Append("; ")
                    .Append(site.Certificates).Append("; reserved ").Append(site.Addresses).Append('\n');
            }

            text.Append('\n');
            Reports.Markdown.AppendTable(text, ExposureHeaders, ExposureRows(exposure));
        }

        return text.ToString();
    }

    public static string Html(PlanReport plan) => Reports.Html.Page(
        $"Plan of stack {plan.Stack}",
        [
            Reports.Html.Verdict(plan.Passes, Verdict(plan)),
            $"<p class=\"muted\">Source: <code>{Reports.Html.Escape(plan.Source)}</code> — {plan.ResourceCount.ToString(CultureInfo.InvariantCulture)} resources.</p>\n",
            Reports.Html.Section(
                "Resources by provider and capability",
                CheckHtml.Heatmap([.. plan.ResourcesByProvider.Keys], Capabilities(plan), (provider, capability) => plan.ResourcesByProvider[provider].GetValueOrDefault(capability))),
            .. CheckHtml.Sections(plan.Policy, plan.Outages),
            CheckHtml.Security(plan.SecurityFindings, plan.SecurityNotApplicable),
        ]);

    public static string Json(PlanReport plan) => ReportJson.Serialize(new PlanDocument(
        Stack: plan.Stack,
        Source: plan.Source,
        Verdict: plan.Passes ? "pass" : "fail",
        Resources: plan.ResourceCount,
        ResourcesByProvider: plan.ResourcesByProvider,
        Policy: CheckJson.Of(plan.Policy, InstanceListing.Full),
        OutageMatrix: [.. plan.Outages.Rows.Select(row => new OutageRowEntry(
            row.Domain,
            row.Kind,
            [.. row.Outcomes.Select(o => new OutcomeEntry(o.Capability, o.InstancesBefore, o.InstancesAfter, o.Up))]))],
        Watch: [.. plan.Watch.Select(site => new WatchSiteEntry(
            site.Site,
            site.Provider,
            [.. site.Sections.Select(section => new WatchSectionEntry(section.Section, section.Items))]))],
        Security: new SecurityEntry(
            plan.SecurityChecks,
            [.. plan.SecurityFindings.Select(f => new SecurityFindingEntry(f.CheckId, f.Resource, f.Message))],
            [.. plan.SecurityNotApplicable.Select(n => new NotApplicableEntry(n.CheckId, n.Provider, n.Reason))]),
        Exposure: plan.Exposure));

    private static readonly string[] ExposureHeaders = ["site", "host", "who may open it", "certificate", "DNS"];

    /// <summary>Per site its controller line, then one row per host; the public status host last.</summary>
    private static IEnumerable<IReadOnlyList<string>> ExposureRows(ExposurePlan exposure) =>
        exposure.Sites.SelectMany(site => site.Hosts
                .Select(host => (IReadOnlyList<string>)[site.Site, host.Host, host.Access, host.Certificate, host.Dns])
                .Prepend([site.Site, "(entry)", site.Controller, site.Certificates, site.Addresses]))
            .Concat(exposure.Status is { } status ? [["(public)", status.Host, status.Access, status.Certificate, status.Dns]] : []);

    private static string WatchText(PlanReport plan)
    {
        var text = new StringBuilder();
        foreach (var site in plan.Watch)
        {
            text.Append(site.Site).Append(" (").Append(site.Provider).Append(")\n");
            foreach (var (section, items) in site.Sections)
            {
                text.Append("  ").Append(section).Append(":\n");
                foreach (var item in items)
                {
                    text.Append("    ").Append(item).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    private static Spectre.Console.Table Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = Terminal.Table([.. headers]);
        foreach (var row in rows)
        {
            table.Row([.. row]);
        }

        return table;
    }

    private static List<string> Capabilities(PlanReport plan) =>
        [.. plan.ResourcesByProvider.Values.SelectMany(c => c.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static string[] ResourceHeaders(PlanReport plan) => ["provider", .. Capabilities(plan), "total"];

    private static IEnumerable<IReadOnlyList<string>> ResourceRows(PlanReport plan) =>
        plan.ResourcesByProvider.Select(provider => (IReadOnlyList<string>)
        [
            provider.Key,
            .. Capabilities(plan).Select(c => provider.Value.GetValueOrDefault(c).ToString(CultureInfo.InvariantCulture)),
            provider.Value.Values.Sum().ToString(CultureInfo.InvariantCulture),
        ]);

    private static string[] MatrixHeaders(OutageMatrix matrix) => ["lost domain", .. matrix.Capabilities];

    private static IEnumerable<IReadOnlyList<string>> MatrixRows(OutageMatrix matrix) =>
        matrix.Rows.Select(row => (IReadOnlyList<string>)[row.Domain, .. row.Outcomes.Select(Cell)]);

    private static string Cell(CapabilityOutcome outcome) =>
        $"{outcome.InstancesAfter}/{outcome.InstancesBefore} {(outcome.Up ? "up" : "DOWN")}";

    private static string SecurityLine(PlanReport plan) =>
        $"Security baseline: {plan.SecurityChecks} checks, {plan.SecurityFindings.Length} finding(s).";

    private static string Verdict(PlanReport plan) => plan.Passes
        ? $"Verdict: PASS — placement {CheckSummary.VerdictLine(plan.Policy)}, security baseline clean."
        : $"Verdict: FAIL — placement {CheckSummary.VerdictLine(plan.Policy)}, {plan.SecurityFindings.Length} security finding(s).";
}
