using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CloudIam.Benchmarks.Synthetic;
using CloudIam.Placement.Analysis;
using CloudIam.Placement.Evaluation;
using CloudIam.Placement.Policy;
using CloudIam.Pulumi.Inference;
using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.State;

namespace CloudIam.Benchmarks;

/// <summary>
/// <c>check --state</c> on synthetic exports of growing size, against the cost of merely parsing the
/// same bytes. Targets: Check at most 2x the floor at 50k resources, linear growth from 5k to 500k,
/// allocated memory at most 3x the export's size. Generating the export and loading the policy happen
/// outside the measurement.
/// </summary>
[MemoryDiagnoser]
public class CheckBenchmarks
{
    private byte[] _export = [];
    private PlacementPolicy? _policy;

    [Params(5_000, 50_000, 500_000)]
    public int Resources { get; set; }

    [Params(ExportShape.Estate, ExportShape.ManySmallSites, ExportShape.FewHugeClusters)]
    public ExportShape Shape { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _export = SyntheticExport.Generate(Resources, shape: Shape);
        _policy = PolicyLoader.Parse(SyntheticPolicy.For(Shape), "synthetic-policy.yaml");
    }

    /// <summary>What no reader of these bytes can beat: a DOM of the whole export, nothing extracted.</summary>
    [Benchmark(Baseline = true)]
    public int JsonDocumentParseFloor()
    {
        using var document = JsonDocument.Parse(_export);
        return document.RootElement.GetProperty("deployment").GetProperty("resources").GetArrayLength();
    }

    /// <summary>
    /// The whole pipeline as the CLI runs it: read (keeping only what inference and the policy need),
    /// infer placement, analyse, and evaluate every rule, single-domain sweep and resilience degrees included.
    /// </summary>
    [Benchmark]
    public PolicyReport Check()
    {
        var policy = _policy!;
        var graph = StackExportReader.Parse(_export, "synthetic.json", policy.InputPaths());
        var analysis = DesignAnalysis.Build(PlacementInference.Infer(graph), policy, ProviderCatalog.Shipped.Services);
        return PolicyEngine.Evaluate(analysis, SyntheticPolicy.Today);
    }
}
