using System.Xml.Linq;
using CloudIam.Placement.Evaluation;
using CloudIam.Placement.Rules;

namespace CloudIam.Infra.Reports.Check;

/// <summary>
/// JUnit test cases, one per rule and capability, so CI test reports list what passed too.
/// Errors are failures; warnings are reported as the case's output and do not fail it.
/// </summary>
public static class CheckJunit
{
    public static string Render(PolicyReport report)
    {
        var violations = report.Violations.Select(ViolationView.Of).ToList();
        var capabilities = report.Capabilities.Select(c => c.Name)
            .Concat(violations.Select(v => v.Capability))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var cases = RuleRegistry.All.SelectMany(rule => capabilities.Select(capability =>
        {
            var element = new XElement("testcase", new XAttribute("classname", $"placement.{capability}"), new XAttribute("name", $"{rule.Id} {rule.Title}"));
            var found = violations.Where(v => v.Rule == rule.Id && v.Capability == capability).ToList();
            var details = string.Join("\n", found.Select(v => $"{v.Message} [{string.Join(", ", v.Domains)}] -> {v.Suggestion}"));
            if (found.FirstOrDefault(v => v.Blocking) is { } error)
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
}
