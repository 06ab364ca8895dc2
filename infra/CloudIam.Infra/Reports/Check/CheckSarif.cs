using CloudIam.Placement.Evaluation;
using CloudIam.Placement.Rules;

namespace CloudIam.Infra.Reports.Check;

/// <summary>SARIF 2.1.0 for GitHub code scanning: every rule as a tool rule, every violation as a result.</summary>
public static class CheckSarif
{
    public static object Of(PolicyReport report, string location) => new Dictionary<string, object>
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
                results = report.Violations.Select(ViolationView.Of).Select(v => new
                {
                    ruleId = v.Rule,
                    level = v.Severity,
                    message = new { text = v.Summary },
                    locations = new[]
                    {
                        new
                        {
                            physicalLocation = new { artifactLocation = new { uri = location } },
                            logicalLocations = new[] { new { name = v.Capability, kind = "module" } },
                        },
                    },
                    partialFingerprints = new { placement = v.Fingerprint },
                    properties = new { domains = v.Domains, suggestion = v.Suggestion },
                }),
            },
        },
    };
}
