using System.Text.Json.Nodes;
using CloudIam.Infra.Reports;

namespace CloudIam.Infra.Tests.Cli;

/// <summary>
/// One canary per kind of secret — a secure value of the stack config, the ciphertext and the plaintext
/// of a state secret — and every verb in every output format it accepts (new formats included, as they
/// are taken from <see cref="OutputFormat"/>), plan's report files too: no canary anywhere.
/// </summary>
public sealed class SecretCanaryTests : IDisposable
{
    private const string ConfigCanary = "CANARY-config-7f3e1d";
    private const string StateCipherCanary = "CANARY-state-cipher-2b9c44";
    private const string StatePlainCanary = "CANARY-state-plain-91d0aa";
    private const string SecretSignature = "1b47061264138c4ac30d75fd1eb44270";
    private const string SignatureKey = "4dabf18193072939515e22adb298388d";

    private static readonly string[] Canaries = [ConfigCanary, StateCipherCanary, StatePlainCanary];

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("cloudiam-canary-");

    public SecretCanaryTests()
    {
        File.Copy(CliHarness.RepoFile("Pulumi.yaml"), Path.Combine(_root.FullName, "Pulumi.yaml"));
        Directory.CreateDirectory(Path.Combine(_root.FullName, "policy"));
        File.Copy(CliHarness.RepoFile("policy/placement.yaml"), Path.Combine(_root.FullName, "policy", "placement.yaml"));
        // The policy's recovery rule reads the repository's pipelines: the scratch root gets the same ones.
        File.Copy(CliHarness.RepoFile(".gitlab-ci.yml"), Path.Combine(_root.FullName, ".gitlab-ci.yml"));
        Directory.CreateDirectory(Path.Combine(_root.FullName, ".github", "workflows"));
        File.Copy(CliHarness.RepoFile(".github/workflows/placement.yml"), Path.Combine(_root.FullName, ".github", "workflows", "placement.yml"));
        Directory.CreateDirectory(Path.Combine(_root.FullName, "stacks"));
        File.WriteAllText(
            Path.Combine(_root.FullName, "stacks", "Pulumi.canary.yaml"),
            File.ReadAllText(CliHarness.RepoFile("stacks/Pulumi.prod.yaml")).TrimEnd('\n')
                + $"\n  cloudiam-infra:runnerToken:\n    secure: v1:{ConfigCanary}\n  cloudiam-infra:grafanaAdminPassword:\n    secure: v1:{ConfigCanary}\n");

        var export = JsonNode.Parse(File.ReadAllText(CliHarness.Fixture("exports/healthy-two-provider.json")))!;
        foreach (var resource in export["deployment"]!["resources"]!.AsArray().Select(r => r!.AsObject()).Where(r => r["inputs"] is JsonObject))
        {
            resource["inputs"]!["adminPassword"] = new JsonObject { [SignatureKey] = SecretSignature, ["plaintext"] = $"\"{StatePlainCanary}\"" };
            resource["outputs"] ??= new JsonObject();
            resource["outputs"]!["token"] = new JsonObject { [SignatureKey] = SecretSignature, ["ciphertext"] = StateCipherCanary };
        }

        File.WriteAllText(StatePath, export.ToJsonString());
    }

    private string StatePath => Path.Combine(_root.FullName, "canary-export.json");

    public void Dispose() => _root.Delete(recursive: true);

    public static TheoryData<string> Formats => [.. Enum.GetValues<OutputFormat>().Select(format => format.ToString().ToLowerInvariant())];

    [Theory]
    [MemberData(nameof(Formats))]
    public void No_verb_prints_a_secret_in_this_format(string format)
    {
        string[][] runs =
        [
            ["check", "--stack", "canary", "--format", format],
            ["check", "--state", StatePath, "--format", format],
            ["simulate", "--stack", "canary", "--outage", "aws", "--format", format],
            ["simulate", "--state", StatePath, "--outage", "scaleway", "--format", format],
            ["diff", "--base", "stack:canary", "--head", StatePath, "--format", format],
        ];
        var reported = 0;
        foreach (var args in runs)
        {
            var result = Run(args);
            if (result.ExitCode == 2 && result.Error.Contains($"'{format}' not recognized", StringComparison.Ordinal))
            {
                continue; // a format this verb does not offer
            }

            Assert.True(result.ExitCode is 0 or 1, $"{string.Join(' ', args)}: exit {result.ExitCode}: {result.Error}");
            Assert.NotEmpty(result.Out);
            NoCanaryIn(result.Out + result.Error, string.Join(' ', args));
            reported++;
        }

        Assert.NotEqual(0, reported);
    }

    [Fact]
    public void Compile_plan_and_explain_print_no_secret_and_neither_do_plan_files()
    {
        var plan = Path.Combine(_root.FullName, "plan");
        string[][] runs = [["compile", "--stack", "canary"], ["plan", "--stack", "canary", "--out", plan], ["explain"], ["explain", "PL005"]];
        foreach (var args in runs)
        {
            var result = Run(args);
            Assert.True(result.ExitCode is 0 or 1, $"{string.Join(' ', args)}: exit {result.ExitCode}: {result.Error}");
            Assert.NotEmpty(result.Out);
            NoCanaryIn(result.Out + result.Error, string.Join(' ', args));
        }

        var files = Directory.GetFiles(plan);
        Assert.NotEmpty(files);
        Assert.All(files, file => NoCanaryIn(File.ReadAllText(file), file));
    }

    [Fact]
    public void The_canaries_reach_the_readers()
    {
        // Otherwise the checks above prove nothing: the secrets must be in the inputs the verbs read.
        Assert.Contains(ConfigCanary, File.ReadAllText(Path.Combine(_root.FullName, "stacks", "Pulumi.canary.yaml")), StringComparison.Ordinal);
        var state = File.ReadAllText(StatePath);
        Assert.Contains(StateCipherCanary, state, StringComparison.Ordinal);
        Assert.Contains(StatePlainCanary, state, StringComparison.Ordinal);
        Assert.Equal(0, Run("compile", "--stack", "canary").ExitCode);
    }

    private CliResult Run(params string[] args) => CliHarness.RunIn(_root.FullName, new Dictionary<string, string>(), args);

    private static void NoCanaryIn(string text, string what)
    {
        foreach (var canary in Canaries)
        {
            Assert.False(text.Contains(canary, StringComparison.Ordinal), $"{what} shows the secret {canary}");
        }
    }
}
