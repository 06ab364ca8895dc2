using System.Diagnostics;
using CloudIam.Benchmarks.Synthetic;
using CloudIam.Infra.Tests.Fuzz;

namespace CloudIam.Infra.Tests.Cli;

/// <summary>
/// The build <c>scripts/pulumi-compile</c> publishes (Native AOT where the machine can link it, which trims the
/// program and replaces its reflection with generated code) against the test's own JIT build of the same CLI:
/// every verb, every report format and an error, on the repository's stacks and fixtures and on generated
/// designs of every benchmark shape, give the same bytes and exit code.
/// </summary>
[Collection(nameof(PulumiCompilerProcessTests))]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PublishedBuildTests
{
    private static readonly Lazy<string> Published = new(Publish);

    private static string Healthy => CliHarness.Fixture("exports/healthy-two-provider.json");

    private static string Failing => CliHarness.Fixture("exports/scaleway-only.json");

    public static TheoryData<string[]> Commands()
    {
        var data = new TheoryData<string[]>
        {
            new[] { "compile", "--stack", "prod" },
            new[] { "compile", "--stack", "staging" },
            new[] { "check", "--stack", "prod", "--format", "json" },
            new[] { "check", "--state", Healthy, "--instances", "full", "--format", "json" },
            new[] { "check", "--preview", CliHarness.Fixture("previews/deployments-probed-from-scaleway-only.preview.json"), "--format", "json" },
            new[] { "simulate", "--stack", "prod", "--scenario", CliHarness.RepoFile("scenarios/2026-scaleway-private-network-dns.yaml"), "--format", "json" },
            new[] { "simulate", "--stack", "prod", "--outage", "scaleway,aws" },
            new[] { "diff", "--base", Healthy, "--head", Failing, "--format", "json" },
            new[] { "check", "--state", CliHarness.Fixture("bad/missing.json") },
            new[] { "check", "--state", CliHarness.Fixture("bad/not-json.json") },
        };
        foreach (var format in new[] { "text", "json", "markdown", "html", "sarif", "junit", "codequality" })
        {
            data.Add(["check", "--state", Failing, "--format", format]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void The_published_build_answers_as_the_reference_build(string[] args) => AnswersAsTheReference(args);

    [Fact]
    public void The_published_build_writes_the_same_plan()
    {
        var referenceOut = Directory.CreateTempSubdirectory("plan-reference-");
        var publishedOut = Directory.CreateTempSubdirectory("plan-published-");
        try
        {
            var reference = CliProcess.Run("plan", "--stack", "prod", "--out", referenceOut.FullName);
            var published = CliProcess.RunBuild(Published.Value, "plan", "--stack", "prod", "--out", publishedOut.FullName);

            Assert.Equal((reference.ExitCode, reference.Out), (published.ExitCode, published.Out.Replace(publishedOut.FullName, referenceOut.FullName, StringComparison.Ordinal)));
            var files = referenceOut.GetFiles().Select(file => file.Name).Order(StringComparer.Ordinal).ToList();
            Assert.Contains("report.json", files);
            Assert.Equal(files, publishedOut.GetFiles().Select(file => file.Name).Order(StringComparer.Ordinal));
            foreach (var file in files)
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(referenceOut.FullName, file)), File.ReadAllBytes(Path.Combine(publishedOut.FullName, file)));
            }
        }
        finally
        {
            referenceOut.Delete(recursive: true);
            publishedOut.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(ExportShape.Estate)]
    [InlineData(ExportShape.ManySmallSites)]
    [InlineData(ExportShape.FewHugeClusters)]
    public void The_published_build_answers_as_the_reference_build_on_generated_designs(ExportShape shape)
    {
        var folder = Directory.CreateTempSubdirectory("published-build-");
        try
        {
            var export = Path.Combine(folder.FullName, "export.json");
            var policy = Path.Combine(folder.FullName, "policy.yaml");
            File.WriteAllBytes(export, SyntheticExport.Generate(3_000, ExportLayout.Indented, shape: shape));
            File.WriteAllText(policy, SyntheticPolicy.For(shape));
            string[][] commands =
            [
                ["check", "--state", export, "--policy", policy],
                ["check", "--state", export, "--policy", policy, "--format", "json", "--instances", "full"],
                ["check", "--state", export, "--policy", policy, "--format", "sarif"],
                ["simulate", "--state", export, "--policy", policy, "--outage", "aws", "--format", "json"],
            ];
            foreach (var args in commands)
            {
                var reference = AnswersAsTheReference(args);
                Assert.True(reference.ExitCode is 0 or 1, $"{string.Join(' ', args)}: exit {reference.ExitCode}: {reference.Error}");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static ProcessResult AnswersAsTheReference(string[] args)
    {
        var reference = CliProcess.Run(args);
        var published = CliProcess.RunBuild(Published.Value, args);
        Assert.Equal((reference.ExitCode, reference.Out, reference.Error), (published.ExitCode, published.Out, published.Error));
        return reference;
    }

    /// <summary>Builds through the script, as Pulumi's first compiler call of a fresh job does.</summary>
    private static string Publish()
    {
        var start = new ProcessStartInfo(Path.Combine(Repository.Root, "scripts", "pulumi-compile"))
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("--help");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr.Result);
        return Path.Combine(Repository.Root, "out", "pulumi-compiler", "cloudiam-infra");
    }
}
