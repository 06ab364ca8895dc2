using CloudIam.Placement.Domains;
using CloudIam.Placement.Policy;

namespace CloudIam.Placement.Tests.Policy;

public sealed class PolicyLoaderTests
{
    // DESIGN.md §5, verbatim.
    private const string DesignExample = """
        defaults:
          minProviders: 2              # distinct providers a critical capability must run on
          survive: [provider, region, zone, network, service]   # any ONE such domain may fail
        capabilities:
          metrics:     { critical: true, minHealthy: 1 }
          logs:        { critical: true, minHealthy: 1 }
          alerting:    { critical: true, minHealthy: 1, observes: [deployments] }
          dashboards:  { critical: false }
          status-page: { critical: true, minHealthy: 1, observes: [deployments] }
          ci-runners:  { critical: true, capacity: { property: values.concurrent, minAfterLoss: 8 } }
          vault:       { critical: true, quorum: majority }        # k-of-n systems
          deployments: { critical: false }                         # what the tooling watches
        match:                          # for resources that carry no capability tag
          - capability: alerting       # a resource matches when every given field matches
            type: kubernetes:helm.sh/v3:Release      # exact type token
            name: "alertmanager*"                    # glob on the resource name (last URN segment)
          - capability: metrics
            urn: "urn:pulumi:*::*::*victoria*"       # glob on the whole URN
        recovery:                       # what it takes to apply a fix to a failing provider (PL005)
          capabilities: [ci-runners]   # must keep an instance off the failing provider
        suppressions:
          - rule: PL002
            capability: dashboards
            reason: "Grafana is convenience only; metrics stay queryable on both providers"
            expires: 2027-03-31
        """;

    [Fact]
    public void The_design_example_parses_to_the_expected_records()
    {
        var policy = PolicyLoader.Parse(DesignExample, "design.yaml");

        Assert.Equal("design.yaml", policy.Source);
        Assert.Equal(2, policy.Defaults.MinProviders);
        Assert.Equal([DomainKind.Provider, DomainKind.Region, DomainKind.Zone, DomainKind.Network, DomainKind.Service], policy.Defaults.Survive.ToArray());
        Assert.Equal(["alerting", "ci-runners", "dashboards", "deployments", "logs", "metrics", "status-page", "vault"], policy.Capabilities.Keys.ToArray());

        Assert.Equal(new CapabilitySpec { Name = "metrics", Critical = true, MinHealthy = 1 }, policy.Capabilities["metrics"]);
        Assert.False(policy.Capabilities["dashboards"].Critical);
        Assert.Equal(["deployments"], policy.Capabilities["alerting"].Observes.ToArray());
        Assert.Equal(["deployments"], policy.Capabilities["status-page"].Observes.ToArray());
        Assert.Equal(new CapacitySpec { Property = "values.concurrent", MinAfterLoss = 8 }, policy.Capabilities["ci-runners"].Capacity);
        Assert.Equal(Quorum.Majority, policy.Capabilities["vault"].Quorum);
        Assert.Null(policy.Capabilities["vault"].Survive);
        Assert.Null(policy.Capabilities["vault"].MinProviders);

        Assert.Equal(
            [
                new MatchRule { Capability = "alerting", Type = "kubernetes:helm.sh/v3:Release", Name = "alertmanager*", Line = 14 },
                new MatchRule { Capability = "metrics", Urn = "urn:pulumi:*::*::*victoria*", Line = 17 },
            ],
            policy.Match.ToArray());

        var recovery = Assert.IsType<RecoverySpec>(policy.Recovery);
        Assert.Equal(["ci-runners"], recovery.Capabilities.ToArray());

        Assert.Equal(
            new Suppression
            {
                Rule = "PL002",
                Capability = "dashboards",
                Reason = "Grafana is convenience only; metrics stay queryable on both providers",
                Expires = new DateOnly(2027, 3, 31),
                Line = 22,
            },
            Assert.Single(policy.Suppressions));
    }

    [Fact]
    public void Omitted_settings_take_the_record_defaults()
    {
        var policy = PolicyLoader.Parse("capabilities:\n  metrics:\n", "p.yaml");

        Assert.Equal(new PolicyDefaults().MinProviders, policy.Defaults.MinProviders);
        Assert.Equal(new CapabilitySpec { Name = "metrics" }, policy.Capabilities["metrics"]);
        Assert.Null(policy.Recovery);
        Assert.Empty(policy.Match);
        Assert.Empty(policy.Suppressions);
    }

    [Fact]
    public void Survive_and_providers_may_be_overridden_per_capability()
    {
        var policy = PolicyLoader.Parse("""
            capabilities:
              metrics: { minProviders: 3, survive: [zone, provider, zone] }
            """, "p.yaml");

        Assert.Equal(3, policy.Capabilities["metrics"].MinProviders);
        Assert.Equal([DomainKind.Provider, DomainKind.Zone], policy.Capabilities["metrics"].Survive!.Value.ToArray());
    }

    [Fact]
    public void Suppression_content_problems_are_left_to_PL009()
    {
        var policy = PolicyLoader.Parse("""
            capabilities:
              metrics: {}
            suppressions:
              - rule: PL042
                capability: nothing-like-this
                expires: 2001-01-01
            """, "p.yaml");

        var suppression = Assert.Single(policy.Suppressions);
        Assert.Equal("PL042", suppression.Rule);
        Assert.Null(suppression.Reason);
    }

    [Theory]
    [InlineData("capabilities:\n  metrics: {critical: true\n", "line 3, column 1", "malformed YAML")]
    [InlineData("", "line 1, column 1", "the policy file is empty")]
    [InlineData("# nothing but a comment\n", "line 1, column 1", "the policy file is empty")]
    [InlineData("- a\n- b\n", "line 1, column 1", "the policy must be a mapping, found a list")]
    [InlineData("defaults: { minProviders: 2 }\n", "line 1, column 1", "the policy declares no capabilities")]
    [InlineData("capabilities: {}\n", "line 1, column 15", "the policy declares no capabilities")]
    [InlineData("capabilites:\n  metrics: {}\n", "line 1, column 1", "unknown key in the policy 'capabilites' (did you mean 'capabilities'?)")]
    [InlineData("capabilities:\n  metrics: {}\n  metrics: {}\n", "line 3, column 3", "Duplicate key")]
    [InlineData("capabilities:\n  metrics: {}\n---\ncapabilities:\n  logs: {}\n", "line 4, column 1", "one YAML document")]
    [InlineData("capabilities:\n  metrics:\n    minHealthy: many\n", "line 3, column 17", "'minHealthy' must be a whole number, found 'many'")]
    [InlineData("capabilities:\n  metrics:\n    minHealty: 1\n", "line 3, column 5", "unknown key in capability 'metrics' 'minHealty' (did you mean 'minHealthy'?)")]
    [InlineData("capabilities:\n  metrics: { minHealthy: 0 }\n", "line 2, column 26", "'minHealthy' must be at least 1, found 0")]
    [InlineData("capabilities:\n  metrics: { critical: yes }\n", "line 2, column 24", "'critical' must be true or false, found 'yes'")]
    [InlineData("capabilities:\n  metrics: [critical]\n", "line 2, column 12", "capability 'metrics' must be a mapping, found a list")]
    [InlineData("capabilities:\n  vault: { quorum: maybe }\n", "line 2, column 20", "unknown value for 'quorum' 'maybe'")]
    [InlineData("defaults:\n  survive: [provider, regoin]\ncapabilities:\n  metrics: {}\n", "line 2, column 23", "unknown domain kind in 'survive' 'regoin' (did you mean 'region'?)")]
    [InlineData("defaults:\n  minProviders: 0\ncapabilities:\n  metrics: {}\n", "line 2, column 17", "'minProviders' must be at least 1, found 0")]
    [InlineData("capabilities:\n  alerting: { critical: true, observes: [deploiments] }\n  deployments: {}\n", "line 2, column 42", "unknown capability in 'observes' 'deploiments' (did you mean 'deployments'?)")]
    [InlineData("capabilities:\n  alerting: { observes: deployments }\n  deployments: {}\n", "line 2, column 25", "'observes' must be a list, found 'deployments'")]
    [InlineData("capabilities:\n  dashboards:\n    dependsOn: [metric]\n  metrics: {}\n", "line 3, column 17", "unknown capability in 'dependsOn' 'metric' (did you mean 'metrics'?)")]
    [InlineData("capabilities:\n  metrics: { dependsOn: [metrics] }\n", "line 2, column 26", "capability 'metrics' cannot list itself in 'dependsOn'")]
    [InlineData("capabilities:\n  ci: { capacity: { minAfterLoss: 8 } }\n", "line 2, column 19", "capacity needs 'property'")]
    [InlineData("capabilities:\n  ci: { capacity: { property: x, minAfterLoss: -1 } }\n", "line 2, column 48", "'minAfterLoss' must be at least 0, found -1")]
    [InlineData("capabilities:\n  metrics: {}\nmatch:\n  - capability: alertng\n    name: \"am*\"\n", "line 4, column 17", "unknown capability in 'match.capability' 'alertng'")]
    [InlineData("capabilities:\n  metrics: {}\nmatch:\n  - capability: metrics\n", "line 4, column 5", "a match rule needs at least one of 'type', 'name' or 'urn'")]
    [InlineData("capabilities:\n  metrics: {}\nrecovery:\n  capabilities: [ci-runner]\n", "line 4, column 18", "unknown capability in 'recovery.capabilities' 'ci-runner'")]
    [InlineData("capabilities:\n  metrics: {}\nrecovery:\n  stateBackend: s3://b\n", "line 4, column 3", "unknown key in recovery 'stateBackend'")]
    [InlineData("capabilities:\n  metrics: {}\nsuppressions:\n  - { rule: PL002, expires: 31/03/2027 }\n", "line 4, column 29", "'expires' must be a date written yyyy-MM-dd, found '31/03/2027'")]
    [InlineData("capabilities:\n  metrics: {}\nsuppressions:\n  - { capability: metrics, reason: x }\n", "line 4, column 5", "a suppression needs 'rule'")]
    public void Malformed_policies_are_refused_with_line_and_column(string yaml, string location, string problem)
    {
        var error = Assert.Throws<BadInputException>(() => PolicyLoader.Parse(yaml, "bad.yaml"));

        Assert.Equal("bad.yaml", error.Source);
        Assert.Equal(location, error.Location);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"bad.yaml:{location}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_bad_input_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-policy-{Guid.NewGuid():N}.yaml");

        var error = Assert.Throws<BadInputException>(() => PolicyLoader.Load(path));

        Assert.Equal(path, error.Source);
        Assert.Equal("policy file not found", error.Problem);
    }
}
