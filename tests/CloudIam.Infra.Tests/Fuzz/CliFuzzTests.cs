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
    public void Policies() => Check(HostileInputs.Yaml(HostileInputs.Policies), "policy.yaml", "policy-case{0}.yaml", path => ["check", "--stack", "prod", "--policy", path]);

    [Fact]
    public void Scenarios() => Check(HostileInputs.Yaml(HostileInputs.Scenarios), "scenario.yaml", "scenario-case{0}.yaml", path => ["simulate", "--stack", "prod", "--scenario", path]);

    [Fact]
    public void Exports() => Check(HostileInputs.Json(HostileInputs.Exports), "export.json", "export-case{0}.json", path => ["check", "--state", path]);

    [Fact]
    public void Previews() => Check(HostileInputs.Json(HostileInputs.Previews), "preview.json", "preview-case{0}.json", path => ["check", "--preview", path]);

    [Fact]
    public void Stack_configs()
    {
        File.Copy(Path.Combine(Repository.Root, "Pulumi.yaml"), Path.Combine(_scratch.FullName, "Pulumi.yaml"));
        Directory.CreateDirectory(Path.Combine(_scratch.FullName, "policy"));
        File.Copy(Path.Combine(Repository.Root, "policy", "placement.yaml"), Path.Combine(_scratch.FullName, "policy", "placement.yaml"));
        var stacks = Directory.CreateDirectory(Path.Combine(_scratch.FullName, "stacks"));
        PinnedCases.Check(HostileInputs.Yaml(HostileInputs.StackConfigs), "Pulumi.fuzz-case{0}.yaml", Cases, threads: 1, yaml =>
        {
            var stack = $"fuzz-{Guid.NewGuid():N}";
            File.WriteAllBytes(Path.Combine(stacks.FullName, $"Pulumi.{stack}.yaml"), yaml);
            CliProcess.IsVerdictOrOneLineBadInput(CliProcess.Run(_scratch.FullName, new Dictionary<string, string>(), "compile", "--stack", stack), $"Pulumi.{stack}.yaml");
        });
    }

    private void Check(Gen<byte[]> inputs, string name, string keptAs, Func<string, string[]> args) =>
        PinnedCases.Check(inputs, keptAs, Cases, threads: 1, input =>
        {
            var path = Path.Combine(_scratch.FullName, $"{Guid.NewGuid():N}-{name}");
            File.WriteAllBytes(path, input);
            CliProcess.IsVerdictOrOneLineBadInput(CliProcess.Run(args(path)), path);
        });
}
