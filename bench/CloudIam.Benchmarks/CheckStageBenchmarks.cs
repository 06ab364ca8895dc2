using BenchmarkDotNet.Attributes;
using CloudIam.Benchmarks.Synthetic;
using CloudIam.Placement.Analysis;
using CloudIam.Placement.Design;
using CloudIam.Placement.Evaluation;
using CloudIam.Placement.Policy;
using CloudIam.Pulumi.Graph;
using CloudIam.Pulumi.Inference;
using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.State;

namespace CloudIam.Benchmarks;

/// <summary>
/// The stages of <see cref="CheckBenchmarks.Check"/> one by one on the 50k export, to show where the
/// time goes when the whole pipeline drifts from its target.
/// </summary>
[MemoryDiagnoser]
public class CheckStageBenchmarks
{
    private byte[] _export = [];
    private PlacementPolicy _policy = null!;
    private ResourceGraph _graph = null!;
    private PlacementDesign _design = null!;
    private DesignAnalysis _analysis = null!;

    [GlobalSetup]
    public void Setup()
    {
        _export = SyntheticExport.Generate(50_000);
        _policy = PolicyLoader.Parse(SyntheticPolicy.Yaml, "synthetic-policy.yaml");
        _graph = ReadExport();
        _design = InferPlacement();
        _analysis = BuildAnalysis();
    }

    [Benchmark]
    public ResourceGraph ReadExport() => StackExportReader.Parse(_export, "synthetic.json", _policy.InputPaths());

    [Benchmark]
    public PlacementDesign InferPlacement() => PlacementInference.Infer(_graph);

    [Benchmark]
    public DesignAnalysis BuildAnalysis() => DesignAnalysis.Build(_design, _policy, ProviderCatalog.Shipped.Services);

    /// <summary>Rules and resilience degrees on a fresh analysis, since degrees are memoized per analysis.</summary>
    [Benchmark]
    public PolicyReport EvaluateRules() => PolicyEngine.Evaluate(DesignAnalysis.Build(_design, _policy, ProviderCatalog.Shipped.Services), SyntheticPolicy.Today);
}
