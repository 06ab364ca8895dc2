using CsCheck;

namespace CloudIam.Infra.Tests.Fuzz;

/// <summary>
/// A smaller share of the same hostile inputs through the real executable: what the user sees is an
/// exit code of 0, 1 or 2, and on exit 2 one line naming the input — never a trace, a crash or a hang.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class CliFuzzTests : IDisposable
{
    private const int Cases = 10;

    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("cloudiam-clifuzz-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public void Policies() => Check(HostileInputs.Yaml(HostileInputs.Policies), "policy.yaml", path => ["check", "--stack", "prod", "--policy", path]);

    [Fact]
    public void Scenarios() => Check(HostileInputs.Yaml(HostileInputs.Scenarios), "scenario.yaml", path => ["simulate", "--stack", "prod", "--scenario", path]);

    [Fact]
    public void Exports() => Check(HostileInputs.Json(HostileInputs.Exports), "export.json", path => ["check", "--state", path]);

    [Fact]
    public void Previews() => Check(HostileInputs.Json(HostileInputs.Previews), "preview.json", path => ["check", "--preview", path]);

    [Fact]
    public void Stack_configs()
    {
        File.Copy(Path.Combine(Repository.Root, "Pulumi.yaml"), Path.Combine(_scratch.FullName, "Pulumi.yaml"));
        Directory.CreateDirectory(Path.Combine(_scratch.FullName, "policy"));
        File.Copy(Path.Combine(Repository.Root, "policy", "placement.yaml"), Path.Combine(_scratch.FullName, "policy", "placement.yaml"));
        var stacks = Directory.CreateDirectory(Path.Combine(_scratch.FullName, "stacks"));
        HostileInputs.Yaml(HostileInputs.StackConfigs).Sample(
            yaml =>
            {
                var stack = $"fuzz-{Guid.NewGuid():N}";
                File.WriteAllBytes(Path.Combine(stacks.FullName, $"Pulumi.{stack}.yaml"), yaml);
                Holds(CliProcess.Run(_scratch.FullName, new Dictionary<string, string>(), "compile", "--stack", stack), $"Pulumi.{stack}.yaml");
            },
            iter: Cases,
            threads: 1,
            print: ReaderFuzzTests.Describe);
    }

    private void Check(Gen<byte[]> inputs, string name, Func<string, string[]> args) =>
        inputs.Sample(
            input =>
            {
                var path = Path.Combine(_scratch.FullName, $"{Guid.NewGuid():N}-{name}");
                File.WriteAllBytes(path, input);
                Holds(CliProcess.Run(args(path)), path);
            },
            iter: Cases,
            threads: 1,
            print: ReaderFuzzTests.Describe);

    private static void Holds(ProcessResult result, string input)
    {
        Assert.False(result.TimedOut, "the CLI did not finish");
        Assert.Contains(result.ExitCode, new[] { 0, 1, 2 });
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        if (result.ExitCode == 2)
        {
            CliProcess.IsOneLineBadInput(result, input);
        }
    }
}
