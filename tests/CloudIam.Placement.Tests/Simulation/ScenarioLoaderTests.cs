using CloudIam.Placement.Simulation;
using CloudIam.Placement.Tests.Support;

namespace CloudIam.Placement.Tests.Simulation;

public sealed class ScenarioLoaderTests
{
    [Fact]
    public void Reads_the_shipped_incident_with_its_outage_in_file_order()
    {
        var path = RepoFiles.PathOf("scenarios/2026-scaleway-private-network-dns.yaml");

        var scenario = ScenarioLoader.Load(path);

        Assert.Equal("2026 Scaleway fr-par private network and internal DNS outage", scenario.Name);
        Assert.Equal("https://status.scaleway.com/incidents/2qn5s5sg74m5", scenario.Reference);
        Assert.StartsWith("DHCP lease renewal", scenario.Description, StringComparison.Ordinal);
        Assert.Equal(["scaleway/fr-par/net:*", "scaleway/fr-par/svc:dhcp", "scaleway/fr-par/svc:private-dns"], scenario.Outage.ToArray());
        Assert.Equal(path, scenario.Source);
    }

    [Fact]
    public void Description_and_reference_are_optional()
    {
        var scenario = ScenarioLoader.Parse("name: aws down\noutage: [aws]\n", "s.yaml");

        Assert.Equal(("aws down", null, null), (scenario.Name, scenario.Description, scenario.Reference));
        Assert.Equal(["aws"], scenario.Outage.ToArray());
    }

    [Theory]
    [InlineData("- aws\n", "line 1, column 1", "a scenario is a mapping with 'name' and 'outage'")]
    [InlineData("", "line 1, column 1", "a scenario is a mapping")]
    [InlineData("name: x\noutage: [aws]\nseverity: high\n", "line 3, column 1", "unknown key 'severity'; a scenario has name, description, reference, outage")]
    [InlineData("name: x\n", "line 1, column 1", "'outage' must be a non-empty list of failure domains")]
    [InlineData("name: x\noutage: []\n", "line 2, column 9", "'outage' must be a non-empty list")]
    [InlineData("name: x\noutage:\n  - aws\n  - [scaleway]\n", "line 4, column 5", "each outage entry is a failure-domain identifier")]
    [InlineData("name: x\noutage:\n  - ''\n", "line 3, column 5", "each outage entry is a failure-domain identifier")]
    [InlineData("description: d\noutage: [aws]\n", "line 1, column 1", "missing 'name'")]
    [InlineData("name: x\noutage: [*a]\n", "line 2, column 10", "YAML aliases (*a) are not supported")]
    public void A_malformed_scenario_is_bad_input_naming_source_line_and_column(string yaml, string location, string problem)
    {
        var error = Assert.Throws<BadInputException>(() => ScenarioLoader.Parse(yaml, "scenario.yaml"));

        Assert.Equal(("scenario.yaml", location), (error.Source, error.Location));
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_scenario_file_is_bad_input_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-scenario-{Guid.NewGuid():N}.yaml");

        var error = Assert.Throws<BadInputException>(() => ScenarioLoader.Load(path));

        Assert.Equal(path, error.Source);
        Assert.Equal("scenario file not found", error.Problem);
    }
}
