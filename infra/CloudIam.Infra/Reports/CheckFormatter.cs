using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using CloudIam.Placement.Analysis;
using CloudIam.Placement.Design;
using CloudIam.Placement.Evaluation;
using CloudIam.Placement.Rules;

namespace CloudIam.Infra.Reports;

/// <summary>
/// Renders a policy verdict for people (text, markdown) and for CI systems (json, sarif for code
/// scanning, junit for test reports, codequality for GitLab merge-request widgets).
/// </summary>
public static class CheckFormatter
{
    /// <param name="location">The file CI annotations point at: the stack config, export or preview.</param>
    public static string Format(PolicyReport report, OutputFormat format, string location) => format switch
    {
        OutputFormat.Text => Text(report),
        OutputFormat.Json => ReportJson.Serialize(Json(report)),
        OutputFormat.Markdown => Markdown(report),
        OutputFormat.Sarif => ReportJson.Serialize(Sarif(report, location)),
        OutputFormat.Junit => Junit(report),
        OutputFormat.Codequality => ReportJson.Serialize(CodeQuality(report, location)),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>The DESIGN §6 JSON shape; <c>plan</c> embeds the same object in report.json.</summary>
    public static object Json(PolicyReport report) => new
    {
        verdict = report.Verdict,
        capabilities = report.Capabilities.Select(c => new
        {
            name = c.Name,
            critical = c.Critical,
            providers = c.Providers,
            instances = c.Instances.Select(i => new { urn = i.Urn, provider = i.Provider, region = i.Region, domains = i.Domains }),
            resilience = Resilience(c.Resilience),
        }),
        violations = report.Violations.Select(ViolationJson),
        suppressed = report.Suppressed.Select(s => new
        {
            violation = ViolationJson(s.Violation),
            reason = s.By.Reason,
            expires = s.By.Expires?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }),
        undeclaredCapabilities = report.UndeclaredCapabilities,
        timeToTarget = report.TimesToTarget.Select(time => new
        {
            site = time.Path.Site,
            target = time.Path.Target == AlertTarget.Page ? "page" : "publicStatus",
            worstCaseSeconds = (int)time.Path.WorstCase.TotalSeconds,
            budgetSeconds = time.Budget is { } budget ? (int)budget.TotalSeconds : (int?)null,
            withinBudget = time.WithinBudget,
            steps = time.Path.Steps.Select(step => new { setting = step.Setting, worstSeconds = (int)step.Worst.TotalSeconds }),
        }),
    };

    /// <summary>"scw-par: page 4m30s of 5m (gatus probe interval 1m + …)", one line per site and target.</summary>
    public static IEnumerable<string> TimeLines(PolicyReport report) => report.TimesToTarget.Select(time =>
        $"{time.Path.Site}: {(time.Path.Target == AlertTarget.Page ? "page" : "public status")} after at most {Durations.Format(time.Path.WorstCase)}"
        + (time.Budget is { } budget ? $" (budget {Durations.Format(budget)}{(time.WithinBudget ? "" : ", OVER")})" : "")
        + $" = {string.Join(" + ", time.Path.Steps.Select(step => $"{step.Setting} {Durations.Format(step.Worst)}"))}");

    /// <summary>One line about tagged capabilities no rule checks, or null when there are none.</summary>
    public static string? UndeclaredNote(PolicyReport report) => report.UndeclaredCapabilities.IsEmpty
        ? null
        : "note: resources carry capabilities the policy does not declare, so no rule checks them: "
            + string.Join(", ", report.UndeclaredCapabilities.Select(c => $"{c.Key} ({c.Value} resource{(c.Value == 1 ? "" : "s")})"));

    public static string Witness(ResilienceDegree resilience) => resilience switch
    {
        { Degree: null } => $"no {ResilienceDegree.MaxSearched} simultaneous losses break it",
        { Degree: 0 } => "down already",
        _ => string.Join(" + ", resilience.Witness) + (resilience.Through is { } through ? $" (through {through})" : ""),
    };

    private static object Resilience(ResilienceDegree resilience) => new
    {
        degree = resilience.Degree,
        searchedUpTo = ResilienceDegree.MaxSearched,
        witness = resilience.Witness,
        through = resilience.Through,
    };

    private static object ViolationJson(Violation v) => new
    {
        rule = v.Rule,
        capability = v.Capability,
        severity = v.Severity,
        domains = v.Domains,
        message = v.Message,
        suggestion = v.Suggestion,
    };

    private static string Text(PolicyReport report)
    {
        var table = Terminal.Table("capability", "critical", "providers", "instances", "resilience", "verdict");
        foreach (var capability in report.Capabilities)
        {
            table.Row(
                capability.Name,
                capability.Critical ? "yes" : "no",
                string.Join(", ", capability.Providers.DefaultIfEmpty("-")),
                capability.Instances.Length.ToString(CultureInfo.InvariantCulture),
                capability.Instances.IsEmpty ? "-  no instance" : $"{capability.Resilience}  {Witness(capability.Resilience)}",
                CapabilityVerdict(report, capability.Name));
        }

        var lines = new List<Spectre.Console.Rendering.IRenderable> { table };
        foreach (var v in report.Violations)
        {
            lines.Add(Terminal.Line($"{v.Severity.ToString().ToLowerInvariant()} {v.Rule} {v.Capability}: {v.Message}"));
            lines.Add(Terminal.Line($"    fix: {v.Suggestion}"));
        }

        foreach (var s in report.Suppressed)
        {
            lines.Add(Terminal.Line($"suppressed {s.Violation.Rule} {s.Violation.Capability}: {s.By.Reason}"));
        }

        if (UndeclaredNote(report) is { } note)
        {
            lines.Add(Terminal.Line(note));
        }

        if (!report.TimesToTarget.IsEmpty)
        {
            lines.Add(Terminal.Line("Worst-case time from a deployment failing (PL011):"));
            lines.AddRange(TimeLines(report).Select(line => Terminal.Line("  " + line)));
        }

        lines.Add(Terminal.Line(VerdictLine(report)));
        return Terminal.Render([.. lines]);
    }

    private static string Markdown(PolicyReport report)
    {
        var text = new StringBuilder();
        AppendMarkdown(text, report);
        return text.ToString();
    }

    /// <summary>The capability table, violations and verdict as Markdown; <c>plan</c> reuses it in report.md.</summary>
    public static void AppendMarkdown(StringBuilder text, PolicyReport report)
    {
        text.Append("### Placement policy: ").Append(VerdictLine(report)).Append("\n\n");
        Reports.Markdown.AppendTable(
            text,
            ["capability", "critical", "providers", "instances", "resilience degree", "witness", "verdict"],
            report.Capabilities.Select(c => (IReadOnlyList<string>)
            [
                c.Name, c.Critical ? "yes" : "no", string.Join(", ", c.Providers.DefaultIfEmpty("-")),
                c.Instances.Length.ToString(CultureInfo.InvariantCulture),
                c.Instances.IsEmpty ? "-" : c.Resilience.ToString(), c.Instances.IsEmpty ? "no instance" : Witness(c.Resilience),
                CapabilityVerdict(report, c.Name),
            ]));
        if (!report.Violations.IsEmpty)
        {
            Reports.Markdown.AppendTable(
                text,
                ["rule", "capability", "severity", "domains", "problem", "suggestion"],
                report.Violations.Select(v => (IReadOnlyList<string>)
                [
                    v.Rule, v.Capability, v.Severity.ToString().ToLowerInvariant(),
                    string.Join(", ", v.Domains.Select(Reports.Markdown.Code)), v.Message, v.Suggestion,
                ]));
        }

        if (UndeclaredNote(report) is { } note)
        {
            text.Append(note).Append("\n\n");
        }

        if (!report.TimesToTarget.IsEmpty)
        {
            text.Append("Worst-case time from a deployment failing (PL011):\n\n");
            foreach (var line in TimeLines(report))
            {
                text.Append("- ").Append(line).Append('\n');
            }

            text.Append('\n');
        }

        if (!report.Suppressed.IsEmpty)
        {
            Reports.Markdown.AppendTable(
                text,
                ["suppressed rule", "capability", "reason", "expires"],
                report.Suppressed.Select(s => (IReadOnlyList<string>)
                [
                    s.Violation.Rule, s.Violation.Capability, s.By.Reason ?? "", s.By.Expires?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "never",
                ]));
        }
    }

    public static string VerdictLine(PolicyReport report)
    {
        var errors = report.Violations.Count(v => v.Severity == Severity.Error);
        var warnings = report.Violations.Length - errors;
        return report.Verdict == Verdict.Pass
            ? $"PASS ({warnings} warning(s), {report.Suppressed.Length} suppressed)"
            : $"FAIL ({errors} error(s), {warnings} warning(s), {report.Suppressed.Length} suppressed)";
    }

    private static string CapabilityVerdict(PolicyReport report, string capability)
    {
        var rules = report.Violations.Where(v => v.Capability == capability).Select(v => v.Rule).Distinct().ToList();
        return rules.Count == 0 ? "ok" : string.Join(", ", rules);
    }

    private static object Sarif(PolicyReport report, string location) => new Dictionary<string, object>
    {
        ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
        ["version"] = "2.1.0",
        ["runs"] = new[]
        {
            new
            {
                tool = new
                {
                    driver = new
                    {
                        name = "cloudiam-infra",
                        informationUri = "https://status.cloud-iam.com",
                        rules = RuleRegistry.All.Select(r => new
                        {
                            id = r.Id,
                            name = r.GetType().Name,
                            shortDescription = new { text = r.Title },
                            fullDescription = new { text = r.Explanation },
                            help = new { text = r.HowToFix },
                        }),
                    },
                },
                results = report.Violations.Select(v => new
                {
                    ruleId = v.Rule,
                    level = v.Severity == Severity.Error ? "error" : "warning",
                    message = new { text = $"{v.Capability}: {v.Message}. Suggestion: {v.Suggestion}" },
                    locations = new[]
                    {
                        new
                        {
                            physicalLocation = new { artifactLocation = new { uri = location } },
                            logicalLocations = new[] { new { name = v.Capability, kind = "module" } },
                        },
                    },
                    partialFingerprints = new { placement = Fingerprint(v) },
                    properties = new { domains = v.Domains, suggestion = v.Suggestion },
                }),
            },
        },
    };

    private static object CodeQuality(PolicyReport report, string location) => report.Violations.Select(v => new
    {
        description = $"{v.Rule} {v.Capability}: {v.Message}. Suggestion: {v.Suggestion}",
        check_name = v.Rule,
        fingerprint = Fingerprint(v),
        severity = v.Severity == Severity.Error ? "critical" : "minor",
        location = new { path = location, lines = new { begin = 1 } },
    });

    /// <summary>
    /// JUnit test cases, one per rule and capability, so CI test reports list what passed too.
    /// Errors are failures; warnings are reported as the case's output and do not fail it.
    /// </summary>
    private static string Junit(PolicyReport report)
    {
        var capabilities = report.Capabilities.Select(c => c.Name)
            .Concat(report.Violations.Select(v => v.Capability))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var cases = RuleRegistry.All.SelectMany(rule => capabilities.Select(capability =>
        {
            var element = new XElement("testcase", new XAttribute("classname", $"placement.{capability}"), new XAttribute("name", $"{rule.Id} {rule.Title}"));
            var found = report.Violations.Where(v => v.Rule == rule.Id && v.Capability == capability).ToList();
            var details = string.Join("\n", found.Select(v => $"{v.Message} [{string.Join(", ", v.Domains)}] -> {v.Suggestion}"));
            if (found.FirstOrDefault(v => v.Severity == Severity.Error) is { } error)
            {
                element.Add(new XElement("failure", new XAttribute("message", error.Message), new XAttribute("type", error.Rule), details));
            }
            else if (found.Count > 0)
            {
                element.Add(new XElement("system-out", details));
            }

            return element;
        })).ToList();
        var suites = new XElement(
            "testsuites",
            new XElement(
                "testsuite",
                new XAttribute("name", "cloudiam-placement"),
                new XAttribute("tests", cases.Count),
                new XAttribute("failures", cases.Count(c => c.Element("failure") is not null)),
                cases));
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + suites.ToString().Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static string Fingerprint(Violation v) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{v.Rule}|{v.Capability}|{string.Join(",", v.Domains)}")))[..32];
}
