using CloudIam.Placement.Evaluation;
using CloudIam.Placement.Rules;

namespace CloudIam.Infra.Reports.Check;

/// <summary>SARIF 2.1.0 for GitHub code scanning: every rule as a tool rule, every violation as a result.</summary>
public static class CheckSarif
{
    public static SarifLog Of(PolicyReport report, string location) => new(
        Schema: "https://json.schemastore.org/sarif-2.1.0.json",
        Version: "2.1.0",
        Runs:
        [
            new SarifRun(
                Tool: new SarifTool(new SarifToolComponent(
                    Name: "cloudiam-infra",
                    InformationUri: "https://status.cloud-iam.com",
                    Rules: [.. RuleRegistry.All.Select(r => new SarifRule(r.Id, r.GetType().Name, new(r.Title), new(r.Explanation), new(r.HowToFix)))])),
                Results: [.. report.Violations.Select(ViolationView.Of).Select(v => new SarifResult(
                    RuleId: v.Rule,
                    Level: v.Severity,
                    Message: new(v.Summary),
                    Locations: [new SarifLocation(new SarifPhysicalLocation(new SarifArtifactLocation(location)), [new SarifLogicalLocation(v.Capability, "module")])],
                    PartialFingerprints: new(v.Fingerprint),
                    Properties: new(v.Domains, v.Suggestion)))]),
        ]);
}
