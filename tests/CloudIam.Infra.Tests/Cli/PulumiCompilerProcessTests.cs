using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace CloudIam.Infra.Tests.Cli;

/// <summary>
/// Runs the exact <c>runtime.options.compiler</c> command of Pulumi.yaml as Pulumi's YAML language host
/// does: a child process in the project directory, PULUMI_* variables in its environment, the program
/// read from stdout.
/// </summary>
[Collection(nameof(PulumiCompilerProcessTests))]
public sealed class PulumiCompilerProcessTests
{
    private const string Canary = "CANARY-93c4aa";

    [Fact]
    public void The_compiler_of_Pulumi_yaml_emits_a_two_provider_program_without_any_secret()
    {
        var environment = new Dictionary<string, string>
        {
            ["PULUMI_STACK"] = "prod",
            ["PULUMI_PROJECT"] = "cloudiam-infra",
            ["PULUMI_ROOT_DIRECTORY"] = Repository.Root,
            ["PULUMI_CONFIG"] = Repository.PulumiConfig("prod", ("runnerToken", $"glrt-{Canary}"), ("grafanaAdminPassword", Canary), ("oncallWebhookUrl", $"https://hooks.example.com/{Canary}"), ("chatWebhookUrl", Canary)),
        };

        var (exit, stdout, stderr) = RunCompiler(environment);

        Assert.True(exit == 0, stderr);
        var stream = new YamlStream();
        stream.Load(new StringReader(stdout));
        var resources = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["resources"];
        var types = resources.Children.Values.Cast<YamlMappingNode>().Select(r => ((YamlScalarNode)r["type"]).Value!).ToList();
        Assert.Contains(types, t => t.StartsWith("scaleway:", StringComparison.Ordinal));
        Assert.Contains(types, t => t.StartsWith("aws:", StringComparison.Ordinal));
        Assert.DoesNotContain(Canary, stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, stderr, StringComparison.Ordinal);

        // Plugin discovery runs the compiler without any PULUMI_* variable: same resource types.
        var (discoveryExit, discovered, _) = RunCompiler(new Dictionary<string, string>());
        Assert.Equal(0, discoveryExit);
        Assert.Equal(stdout, discovered);
    }

    private static (int Exit, string Stdout, string Stderr) RunCompiler(IReadOnlyDictionary<string, string> environment)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(Repository.Root, "Pulumi.yaml"))));
        var compiler = ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["runtime"])["options"])["compiler"]).Value!;
        var argv = compiler.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        // Like Go's exec.Command: a relative argv[0] with a slash resolves against the working directory.
        var start = new ProcessStartInfo(argv[0].Contains('/', StringComparison.Ordinal) ? Path.GetFullPath(argv[0], Repository.Root) : argv[0])
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in argv.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in new[] { "PULUMI_STACK", "PULUMI_PROJECT", "PULUMI_ROOT_DIRECTORY", "PULUMI_CONFIG" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }
}
