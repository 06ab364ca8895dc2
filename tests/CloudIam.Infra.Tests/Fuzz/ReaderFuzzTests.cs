using System.Diagnostics;
using System.Text;
using CloudIam.Infra.Cli;
using CloudIam.Infra.Compilation;
using CloudIam.Infra.Stacks;
using CloudIam.Placement;
using CloudIam.Placement.Analysis;
using CloudIam.Placement.Evaluation;
using CloudIam.Placement.Policy;
using CloudIam.Placement.Simulation;
using CloudIam.Pulumi.Inference;
using CloudIam.Pulumi.Pipelines;
using CloudIam.Pulumi.Preview;
using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.State;
using CsCheck;

namespace CloudIam.Infra.Tests.Fuzz;

/// <summary>
/// Every reader, in-process, over at least 10,000 hostile inputs each, the same on every run
/// (<see cref="PinnedCases"/>): the input is read (and carried through what the CLI does with it next) or
/// refused with a <see cref="BadInputException"/> naming it. Anything else — another exception, a case
/// slower than <see cref="CaseTimeLimit"/>, a process past 1 GB — fails the test, naming the case and
/// writing its input out to be kept under tests/fixtures/bad/regressions.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class ReaderFuzzTests : IDisposable
{
    /// <summary>Per reader; <c>CLOUDIAM_FUZZ_CASES</c> lowers it for a quick local run.</summary>
    public static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("CLOUDIAM_FUZZ_CASES"), out var cases) ? cases : 10_000;

    private static readonly TimeSpan CaseTimeLimit = TimeSpan.FromSeconds(20);

    private static readonly PlacementPolicy Policy = PolicyLoader.Load(Path.Combine(Repository.Root, "policy", "placement.yaml"));

    /// <summary>Where the cases that are read from a directory (stack configs, pipelines) are written.</summary>
    private readonly DirectoryInfo _stacks = Directory.CreateTempSubdirectory("cloudiam-fuzz-");

    public void Dispose() => _stacks.Delete(recursive: true);

    [Fact]
    public void Policies() =>
        Check(HostileInputs.Yaml(HostileInputs.Policies), "fuzz-policy.yaml", "policy-case{0}.yaml", (yaml, source) => PolicyLoader.Parse(Encoding.UTF8.GetString(yaml), source));

    [Fact]
    public void Scenarios() =>
        Check(HostileInputs.Yaml(HostileInputs.Scenarios), "fuzz-scenario.yaml", "scenario-case{0}.yaml", (yaml, source) => ScenarioLoader.Parse(Encoding.UTF8.GetString(yaml), source));

    [Fact]
    public void Stack_configs() =>
        Check(HostileInputs.Yaml(HostileInputs.StackConfigs), "Pulumi.", "Pulumi.fuzz-case{0}.yaml", (yaml, _) =>
        {
            var stack = $"fuzz-{Guid.NewGuid():N}";
            var path = Path.Combine(_stacks.FullName, $"Pulumi.{stack}.yaml");
            File.WriteAllBytes(path, yaml);
            try
            {
                CompiledStack.Compile(StackConfigLoader.FromFile(_stacks.FullName, stack, SiteCatalog.ClusterProviders));
            }
            finally
            {
                File.Delete(path);
            }
        });

    [Fact]
    public void Provider_files() =>
        Check(HostileInputs.Yaml(HostileInputs.ProviderFiles), "fuzz-provider.yaml", "provider-case{0}.yaml", (yaml, source) => ProviderCatalog.Of([ProviderFile.Parse(Encoding.UTF8.GetString(yaml), source)]));

    [Fact]
    public void GitLab_pipelines() =>
        Check(HostileInputs.Yaml(HostileInputs.GitLabPipelines), PipelineReader.GitLabFile, "pipeline-case{0}.yml", (yaml, source) => ReadPipeline(yaml, source, PipelineReader.ReadGitLab));

    [Fact]
    public void GitHub_workflows() =>
        Check(HostileInputs.Yaml(HostileInputs.GitHubWorkflows), "fuzz-workflow.yml", "workflow-case{0}.yml", (yaml, source) => ReadPipeline(yaml, source, PipelineReader.ReadGitHub));

    [Fact]
    public void Stack_exports() =>
        Check(HostileInputs.Json(HostileInputs.Exports), "fuzz-export.json", "export-case{0}.json", (json, source) => Evaluate(PlacementInference.Infer(StackExportReader.Parse(json, source, Policy.InputPaths()))));

    [Fact]
    public void Previews() =>
        Check(HostileInputs.Json(HostileInputs.Previews), "fuzz-preview.json", "preview-case{0}.json", (json, source) => Evaluate(PlacementInference.Infer(PreviewReader.Parse(json, source, Policy.InputPaths()))));

    /// <summary>Pipelines are read from a repository root, so each case gets one of its own.</summary>
    private void ReadPipeline(byte[] yaml, string file, Func<string, string, IEnumerable<PipelineJob>> read)
    {
        var root = _stacks.CreateSubdirectory(Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllBytes(Path.Combine(root.FullName, file), yaml);
            _ = read(root.FullName, file).ToList();
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static void Evaluate(CloudIam.Placement.Design.PlacementDesign design) =>
        PolicyEngine.Evaluate(DesignAnalysis.Build(design, Policy, ProviderCatalog.Shipped.Services), new DateOnly(2026, 11, 24));

    /// <summary>A failing input as its size and head, for the message; the whole input is written to a file.</summary>
    public static string Describe(byte[] input) =>
        $"{input.Length:N0} bytes: {CloudIamCli.OneLine(Encoding.UTF8.GetString(input, 0, Math.Min(input.Length, 400)))}";

    /// <param name="source">The name the reader is given; its errors must start with it (for stack files, with the file's prefix).</param>
    /// <param name="keptAs">The file name a failing case is written out as (see <see cref="PinnedCases.Check"/>).</param>
    private static void Check(Gen<byte[]> inputs, string source, string keptAs, Action<byte[], string> read)
    {
        PinnedCases.Check(inputs, keptAs, Cases, Environment.ProcessorCount, input =>
        {
            var clock = Stopwatch.StartNew();
            try
            {
                read(input, source);
            }
            catch (BadInputException e)
            {
                Assert.Contains(source, e.Message, StringComparison.Ordinal);
            }

            Assert.True(clock.Elapsed < CaseTimeLimit, $"one case took {clock.Elapsed}");
        });

        Assert.True(Process.GetCurrentProcess().PeakWorkingSet64 < 1L << 30, $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64:N0} bytes");
    }
}
