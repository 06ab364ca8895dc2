using System.Text.Json.Nodes;
using CloudIam.Placement;
using CloudIam.Pulumi.Pipelines;
using CloudIam.Pulumi.Providers;

namespace CloudIam.Infra.Tests.Fuzz;

/// <summary>
/// Every input that once crashed (exit 134: a stack trace or a stack overflow), hung, ended as an
/// internal error or broke the one-line contract, replayed through the real executable. The files live
/// in tests/fixtures/bad/regressions — every one is replayed by its name's prefix, and the ones below with
/// the message they must give; a 10 MB export is built here instead of being committed.
/// </summary>
[Collection(nameof(RegressionTests))]
public sealed class RegressionTests : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("cloudiam-regression-");

    public void Dispose() => _scratch.Delete(recursive: true);

    private static readonly string Regressions = Path.Combine(Repository.Root, "tests", "fixtures", "bad", "regressions");

    public static TheoryData<string> KeptInputs => [.. Directory.EnumerateFiles(Regressions).Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];

    private static string Regression(string name) => Path.Combine(Regressions, name);

    /// <summary>
    /// A fuzz failure is kept by dropping its file here, named as the fuzz test writes it out
    /// (<see cref="PinnedCases.Check"/>): the prefix says which reader it goes through.
    /// </summary>
    [Theory]
    [MemberData(nameof(KeptInputs))]
    public void Every_kept_input_ends_in_a_verdict_or_one_line_naming_it(string name)
    {
        var path = Regression(name);
        // No verb takes a provider file (ProviderCatalog.With is its run-time path), and pipelines are read from
        // the repository: these are read in-process, as the fuzz test read them.
        Action? inProcess = name.Split('-')[0] switch
        {
            "provider" => () => ProviderCatalog.Of([ProviderFile.Load(path)]),
            "pipeline" => () => _ = PipelineReader.ReadGitLab(Regressions, name).ToList(),
            "workflow" => () => _ = PipelineReader.ReadGitHub(Regressions, name).ToList(),
            _ => null,
        };
        if (inProcess is not null)
        {
            var error = Record.Exception(inProcess);
            Assert.True(error is null || (error is BadInputException bad && bad.Source.EndsWith(name, StringComparison.Ordinal)), error?.ToString());
            return;
        }

        if (name.StartsWith("Pulumi.", StringComparison.Ordinal))
        {
            var stack = name["Pulumi.".Length..^".yaml".Length];
            var stacks = Directory.CreateDirectory(Path.Combine(_scratch.FullName, "stacks"));
            File.Copy(Path.Combine(Repository.Root, "Pulumi.yaml"), Path.Combine(_scratch.FullName, "Pulumi.yaml"));
            File.Copy(path, Path.Combine(stacks.FullName, name));
            CliProcess.IsVerdictOrOneLineBadInput(CliProcess.Run(_scratch.FullName, new Dictionary<string, string>(), "compile", "--stack", stack), name);
            return;
        }

        string[] args = name.Split('-')[0] switch
        {
            "policy" => ["check", "--stack", "prod", "--policy", path],
            "scenario" => ["simulate", "--stack", "prod", "--scenario", path],
            "export" => ["check", "--state", path],
            "preview" => ["check", "--preview", path],
            _ => throw new InvalidOperationException($"{name}: a kept input starts with policy-, scenario-, export-, preview-, provider-, pipeline-, workflow- or Pulumi."),
        };
        CliProcess.IsVerdictOrOneLineBadInput(CliProcess.Run(args), path);
    }

    [Fact]
    public void A_policy_nested_100000_levels_deep_is_refused_at_the_limit()
    {
        var path = Regression("policy-nested-100000.yaml");
        var result = CliProcess.Run("check", "--stack", "prod", "--policy", path);

        CliProcess.IsOneLineBadInput(result, $"{path}:line 1, column 78: nesting deeper than 64 levels");
    }

    [Fact]
    public void A_policy_entry_with_an_empty_key_is_malformed_yaml_not_an_internal_error()
    {
        var path = Regression("policy-empty-key.yaml");
        var result = CliProcess.Run("check", "--stack", "prod", "--policy", path);

        CliProcess.IsOneLineBadInput(result, $"{path}:line ");
        Assert.Contains("malformed YAML", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenario_nested_100000_levels_deep_is_refused_at_the_limit()
    {
        var path = Regression("scenario-nested-100000.yaml");
        var result = CliProcess.Run("simulate", "--stack", "prod", "--scenario", path);

        CliProcess.IsOneLineBadInput(result, $"{path}:line 2, column ");
        Assert.Contains("nesting deeper than 64 levels", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nested-100000", "nesting deeper than 64 levels")]
    [InlineData("alias-bomb", "YAML aliases (*a0) are not supported")]
    [InlineData("zone-not-a-label", "zone must be a zone name such as fr-par-1 or eu-west-3a, not 'eu-west-3a?'")]
    public void A_hostile_stack_config_is_refused_without_overflow_or_hang(string stack, string problem)
    {
        var stacks = Directory.CreateDirectory(Path.Combine(_scratch.FullName, "stacks"));
        File.Copy(Path.Combine(Repository.Root, "Pulumi.yaml"), Path.Combine(_scratch.FullName, "Pulumi.yaml"));
        File.Copy(Regression($"Pulumi.{stack}.yaml"), Path.Combine(stacks.FullName, $"Pulumi.{stack}.yaml"));

        var result = CliProcess.Run(_scratch.FullName, new Dictionary<string, string>(), "compile", "--stack", stack);

        CliProcess.IsOneLineBadInput(result, problem);
        Assert.Contains($"Pulumi.{stack}.yaml:line ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_export_holding_a_10_MB_string_and_a_parent_cycle_is_refused_at_the_string_limit()
    {
        var export = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "tests", "fixtures", "exports", "healthy-two-provider.json")))!;
        var resources = export["deployment"]!["resources"]!.AsArray();
        var (first, second) = (resources[5]!.AsObject(), resources[6]!.AsObject());
        first["urn"] = $"{first["urn"]}{new string('x', 10_000_000)}";
        first["parent"] = second["urn"]!.DeepClone();
        second["parent"] = first["urn"]!.DeepClone();
        var path = Path.Combine(_scratch.FullName, "long-string-parent-cycle.json");
        File.WriteAllText(path, export.ToJsonString());

        var result = CliProcess.Run("check", "--state", path);

        CliProcess.IsOneLineBadInput(result, $"{path}:line 1, byte ");
        Assert.Contains("kept strings are limited to 1,048,576 bytes", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Required argument missing for option: '--state'", "check", "--state")]
    [InlineData("Option '--policy' expects a single argument but 2 were provided", "check", "--stack", "prod", "--policy", "a", "--policy", "b")]
    [InlineData("--base needs a value that is not blank", "diff", "--base", "", "--head", "stack:prod")]
    [InlineData("--outage: unknown failure domain 'a\\nb'", "simulate", "--stack", "prod", "--outage", "a\nb")]
    [InlineData("Unrecognized command or argument '--frobnicate'", "check", "--stack", "prod", "--frobnicate")]
    [InlineData("Argument 'xml' not recognized", "check", "--stack", "prod", "--format", "xml")]
    public void A_bad_command_line_is_one_line_and_exit_2(string problem, params string[] args)
    {
        CliProcess.IsOneLineBadInput(CliProcess.Run(args), problem);
    }

    [Fact]
    public void A_stack_name_with_a_line_break_from_pulumi_is_echoed_escaped()
    {
        var result = CliProcess.Run(Repository.Root, new Dictionary<string, string> { ["PULUMI_STACK"] = "prod\r\n" }, "compile");

        CliProcess.IsOneLineBadInput(result, "no config for stack 'prod\\r\\n'");
    }

    [Fact]
    public void A_full_stdout_is_exit_2_saying_so()
    {
        var result = CliProcess.Shell("exec \"$0\" explain PL001 > /dev/full");

        CliProcess.IsOneLineBadInput(result, "stdout: cannot write: No space left on device");
    }

    [Fact]
    public void Plan_out_onto_a_file_is_exit_2_and_leaves_nothing()
    {
        var file = Path.Combine(_scratch.FullName, "not-a-directory");
        File.WriteAllText(file, "keep");

        var result = CliProcess.Run("plan", "--stack", "prod", "--out", Path.Combine(file, "plan"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot create the directory", result.Error, StringComparison.Ordinal);
        Assert.Equal("keep", File.ReadAllText(file));
    }

    [Fact]
    public void Plan_out_failing_on_its_last_report_leaves_neither_new_reports_nor_temporary_files()
    {
        var plan = Directory.CreateDirectory(Path.Combine(_scratch.FullName, "plan"));
        Directory.CreateDirectory(Path.Combine(plan.FullName, "report.md"));

        var result = CliProcess.Run("plan", "--stack", "prod", "--out", plan.FullName);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot write report.md", result.Error, StringComparison.Ordinal);
        Assert.Equal(["report.md"], plan.EnumerateFileSystemInfos().Select(entry => entry.Name));
    }

    [Fact]
    public void Plan_out_that_fails_keeps_the_previous_reports_whole()
    {
        var plan = Directory.CreateDirectory(Path.Combine(_scratch.FullName, "plan"));
        Assert.Equal(0, CliProcess.Run("plan", "--stack", "prod", "--out", plan.FullName).ExitCode);
        var before = plan.EnumerateFiles().ToDictionary(file => file.Name, file => File.ReadAllText(file.FullName));
        File.Delete(Path.Combine(plan.FullName, "report.md"));
        Directory.CreateDirectory(Path.Combine(plan.FullName, "report.md"));

        var result = CliProcess.Run("plan", "--stack", "staging", "--out", plan.FullName);

        Assert.Equal(2, result.ExitCode);
        foreach (var (name, content) in before.Where(entry => entry.Key != "report.md"))
        {
            Assert.Equal(content, File.ReadAllText(Path.Combine(plan.FullName, name)));
        }

        Assert.DoesNotContain(plan.EnumerateFiles(), file => file.Name.StartsWith('.'));
    }
}
