using System.Text.Json;
using CloudIam.Infra.Tests.Fuzz;

namespace CloudIam.Infra.Tests.Cli;

public sealed class PlanVerbTests : IDisposable
{
    private readonly DirectoryInfo _out = Directory.CreateTempSubdirectory("cloudiam-plan-");

    public void Dispose() => _out.Delete(recursive: true);

    [Fact]
    public void Planning_prod_writes_the_program_and_both_reports_and_passes()
    {
        var result = CliHarness.Run("plan", "--stack", "prod", "--out", _out.FullName);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(CliHarness.Run("compile", "--stack", "prod").Out, File.ReadAllText(Path.Combine(_out.FullName, "Main.yaml")));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out.FullName, "report.json")));
        Assert.Equal("pass", json.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(["aws", "scaleway"], json.RootElement.GetProperty("resourcesByProvider").EnumerateObject().Select(p => p.Name));
        Assert.Contains("## Outage matrix", File.ReadAllText(Path.Combine(_out.FullName, "report.md")), StringComparison.Ordinal);
        Assert.Contains("Verdict: PASS", result.Out, StringComparison.Ordinal);
    }

    /// <summary>A rule the Scaleway file marks not offered is shown as a decision in each output, not left out.</summary>
    [Fact]
    public void Planning_prod_says_which_rules_do_not_apply_to_which_provider_and_why()
    {
        var result = CliHarness.Run("plan", "--stack", "prod", "--out", _out.FullName);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out.FullName, "report.json")));
        var notApplicable = json.RootElement.GetProperty("security").GetProperty("notApplicable").EnumerateArray()
            .Select(item => $"{item.GetProperty("check").GetString()} {item.GetProperty("provider").GetString()}").ToList();
        Assert.Equal(["SEC002 scaleway", "SEC012 scaleway", "SEC017 scaleway", "SEC018 scaleway"], notApplicable);
        const string Line = "SEC017 not applicable on scaleway: Kapsule encrypts etcd itself; the cluster has no encryption input (scaleway 1.54)";
        Assert.Contains("note " + Line, result.Out, StringComparison.Ordinal);
        Assert.Contains("- " + Line + "\n", File.ReadAllText(Path.Combine(_out.FullName, "report.md")), StringComparison.Ordinal);
        Assert.Contains("<tr><td>SEC017</td><td>scaleway</td><td>Kapsule encrypts etcd itself;", File.ReadAllText(Path.Combine(_out.FullName, "report.html")), StringComparison.Ordinal);
        Assert.Contains("Security baseline: 19 checks, 0 finding(s).", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_outage_matrix_covers_each_provider_region_and_service_and_every_cell_is_up()
    {
        var result = CliHarness.Run("plan", "--stack", "prod", "--out", _out.FullName);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out.FullName, "report.json")));
        var rows = json.RootElement.GetProperty("outageMatrix").EnumerateArray().ToList();
        var domains = rows.Select(r => r.GetProperty("domain").GetString()).ToList();
        Assert.Contains("scaleway", domains);
        Assert.Contains("aws/eu-west-3", domains);
        Assert.Contains("scaleway/fr-par/svc:dhcp", domains);
        Assert.Contains("scaleway/fr-par/svc:private-dns", domains);
        Assert.All(rows.SelectMany(r => r.GetProperty("capabilities").EnumerateArray()), c => Assert.True(c.GetProperty("up").GetBoolean(), c.ToString()));
        Assert.Equal(0, result.ExitCode);
    }

    /// <summary>
    /// Two processes, so string hashing is seeded differently: the only way a dictionary's order could leak
    /// into the program or the reports. Covers compile (Main.yaml) and both report formats.
    /// </summary>
    [Fact]
    public void Two_processes_write_byte_identical_program_and_reports()
    {
        var other = Directory.CreateTempSubdirectory("cloudiam-plan-");
        try
        {
            var first = CliProcess.Run("plan", "--stack", "prod", "--out", _out.FullName);
            var second = CliProcess.Run("plan", "--stack", "prod", "--out", other.FullName);

            Assert.True(first.ExitCode == 0, first.Error);
            Assert.Equal(first.Out, second.Out);
            foreach (var file in new[] { "Main.yaml", "report.md", "report.json", "report.html" })
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(_out.FullName, file)), File.ReadAllBytes(Path.Combine(other.FullName, file)));
            }
        }
        finally
        {
            other.Delete(recursive: true);
        }
    }

    [Fact]
    public void Report_md_opens_with_a_mermaid_graph_of_providers_regions_clusters_and_capabilities()
    {
        CliHarness.Run("plan", "--stack", "prod", "--out", _out.FullName);

        var markdown = File.ReadAllText(Path.Combine(_out.FullName, "report.md"));
        var graph = markdown[markdown.IndexOf("```mermaid\nflowchart LR\n", StringComparison.Ordinal)..];
        graph = graph[..graph.IndexOf("```\n", 3, StringComparison.Ordinal)];
        Assert.True(markdown.IndexOf("```mermaid", StringComparison.Ordinal) < markdown.IndexOf("## ", StringComparison.Ordinal), "the graph comes first");
        Assert.Contains("[[\"scaleway\"]]", graph, StringComparison.Ordinal);
        Assert.Contains("[\"fr-par\"]", graph, StringComparison.Ordinal);
        Assert.Contains("[\"scw-par-cluster\"]", graph, StringComparison.Ordinal);
        Assert.Contains("([\"alerting\"])", graph, StringComparison.Ordinal);
        Assert.DoesNotContain(" failing\n", graph, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_stacks_plan_as_one_design_with_one_program_each()
    {
        var result = CliHarness.Run("plan", "--stack", "prod", "--stack", "staging", "--out", _out.FullName);

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Equal(CliHarness.Run("compile", "--stack", "staging").Out, File.ReadAllText(Path.Combine(_out.FullName, "Main.staging.yaml")));
        Assert.True(File.Exists(Path.Combine(_out.FullName, "Main.prod.yaml")));
        Assert.False(File.Exists(Path.Combine(_out.FullName, "Main.yaml")));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out.FullName, "report.json")));
        Assert.Equal("prod + staging", json.RootElement.GetProperty("stack").GetString());
    }

    [Fact]
    public void An_unknown_stack_writes_no_directory()
    {
        var target = Path.Combine(_out.FullName, "never");

        var result = CliHarness.Run("plan", "--stack", "nope", "--out", target);

        Assert.Equal(2, result.ExitCode);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public void A_plan_that_fails_while_writing_leaves_no_file_of_it()
    {
        // The stack compiles and passes; a directory where report.md must go stops the renames part-way.
        var blocker = Directory.CreateDirectory(Path.Combine(_out.FullName, "report.md"));

        var result = CliHarness.Run("plan", "--stack", "prod", "--out", _out.FullName);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot write", result.Error, StringComparison.Ordinal);
        Assert.Equal([blocker.FullName], Directory.EnumerateFileSystemEntries(_out.FullName));
    }

    [Fact]
    public void Simulating_the_incident_on_prod_leaves_every_critical_capability_up()
    {
        var result = CliHarness.Run("simulate", "--stack", "prod", "--scenario", CliHarness.RepoFile("scenarios/2026-scaleway-private-network-dns.yaml"), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.True(json.RootElement.GetProperty("allCriticalUp").GetBoolean());
        Assert.Contains("scaleway/fr-par/net:scw-par-private-network", json.RootElement.GetProperty("outage").EnumerateArray().Select(d => d.GetString()));
    }
}
