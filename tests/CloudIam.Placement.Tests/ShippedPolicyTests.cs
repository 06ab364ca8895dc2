using CloudIam.Placement.Analysis;
using CloudIam.Placement.Evaluation;
using CloudIam.Placement.Policy;
using CloudIam.Placement.Rules;
using CloudIam.Placement.Tests.Support;

namespace CloudIam.Placement.Tests;

/// <summary>The program's own policy, policy/placement.yaml, against designs shaped like the program's stacks.</summary>
public sealed class ShippedPolicyTests
{
    private static readonly PlacementPolicy Shipped = PolicyLoader.Load(RepoFiles.PathOf("policy/placement.yaml"));

    private static readonly string[] Tooling = ["metrics", "logs", "alerting", "dashboards", "status-page", "ci-runners"];

    private static TestDesign ToolingOn(bool scaleway, bool aws)
    {
        var design = new TestDesign();
        foreach (var (side, present, place) in new[]
        {
            ("scw", scaleway, (Func<TestResource, TestResource>)(r => r.OnScaleway())),
            ("aws", aws, r => r.OnAws()),
        })
        {
            if (!present)
            {
                continue;
            }

            design.Add($"cluster-{side}", r => place(r.Capability("platform")));
            design.Add($"keycloak-{side}", r => place(r.Capability("deployments")));
            design.Add($"status-dns-{side}", r => r.On(side == "scw" ? "scaleway" : "aws").PublicHost("status.cloud-iam.com"));
            foreach (var capability in Tooling)
            {
                design.Add($"{capability}-{side}", r => place(r.Capability(capability).Property("values.concurrent", 8).DependsOn($"cluster-{side}")));
            }

            // The pipeline's deploy job of this side, with the state backend it reaches (primary or replica).
            design.Add($"state-{side}", r => r.On(side == "scw" ? "scaleway" : "aws", side == "scw" ? "fr-par" : "eu-west-3"));
            design.Add($"up-from-{side}", r => r.On(side == "scw" ? "scaleway" : "aws").Capability(PL005RecoveryPath.RecoveryCapability).DependsOn($"state-{side}"));
        }

        return design;
    }

    [Fact]
    public void The_shipped_policy_declares_the_tooling_and_its_recovery_path()
    {
        Assert.Equal(["alerting", "ci-runners", "dashboards", "deployments", "logs", "metrics", "platform", "recovery", "status-page"], Shipped.Capabilities.Keys.ToArray());
        Assert.Equal(["alerting", "ci-runners", "logs", "metrics", "status-page"], Shipped.Capabilities.Values.Where(c => c.Critical).Select(c => c.Name).ToArray());
        Assert.Equal(new CapacitySpec { Property = "values.concurrent", MinAfterLoss = 8 }, Shipped.Capabilities["ci-runners"].Capacity);
        Assert.Equal(["metrics"], Shipped.Capabilities["dashboards"].DependsOn.ToArray());
        Assert.Equal(["status.cloud-iam.com", "status-staging.cloud-iam.com"], Shipped.Capabilities["status-page"].PublicHosts.ToArray());
        Assert.Equal(["ci-runners"], Shipped.Recovery!.Capabilities.ToArray());
        Assert.False(Shipped.Capabilities[PL005RecoveryPath.RecoveryCapability].Critical);
    }

    [Fact]
    public void Tooling_on_scaleway_and_aws_passes()
    {
        var report = PolicyEngine.Evaluate(DesignAnalysis.Build(ToolingOn(scaleway: true, aws: true).Build(), Shipped, Harness.Services), Harness.Today);

        Assert.Empty(report.Violations);
        Assert.Equal(Verdict.Pass, report.Verdict);
    }

    [Fact]
    public void Tooling_on_scaleway_only_is_the_incident_and_is_refused()
    {
        var report = PolicyEngine.Evaluate(DesignAnalysis.Build(ToolingOn(scaleway: true, aws: false).Build(), Shipped, Harness.Services), Harness.Today);

        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Equal(
            ["alerting", "ci-runners", "logs", "metrics", "status-page"],
            report.Violations.Where(v => v.Rule == "PL001").Select(v => v.Capability).ToArray());
        Assert.Contains(report.Violations, v => v.Rule == "PL002" && v.Capability == "metrics" && v.Domains.Contains("scaleway/fr-par/svc:dhcp"));
        Assert.Contains(report.Violations, v => v.Rule == "PL004" && v.Capability == "alerting");
        Assert.Contains(report.Violations, v => v.Rule == "PL005" && v.Capability == "ci-runners");
        Assert.Contains(report.Violations, v => v.Rule == "PL005" && v.Capability == PL005RecoveryPath.RecoveryCapability);
        Assert.Contains(report.Violations, v => v.Rule == "PL006" && v.Capability == "ci-runners");
    }
}
