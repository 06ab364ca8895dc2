using BenchmarkDotNet.Attributes;
using CloudIam.Benchmarks.Synthetic;
using CloudIam.Placement.Analysis;
using CloudIam.Placement.Design;
using CloudIam.Placement.Evaluation;
using CloudIam.Pulumi.Graph;

namespace CloudIam.Benchmarks;

/// <summary>
/// The stages of <see cref="CheckBenchmarks.Check"/> one by one on each shape's 50k export, to show
/// where the time goes when the whole pipeline drifts from its target.
/// </summary>
[MemoryDiagnoser]
public class CheckStageBenchmarks
{
    private CheckStages _stages = null!;
    private ResourceGraph _graph = null!;
    private PlacementDesign _design = null!;

    [Params(ExportShape.Estate, ExportShape.ManySmallSites, ExportShape.FewHugeClusters)]
    public ExportShape Shape { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _stages = new CheckStages(Shape, 50_000);
        _graph = _stages.Read();
        _design = _stages.Infer(_graph);
    }

    [Benchmark]
    public ResourceGraph ReadExport() => _stages.Read();

    [Benchmark]
    public PlacementDesign InferPlacement() => _stages.Infer(_graph);

    [Benchmark]
    public DesignAnalysis BuildAnalysis() => _stages.Analyse(_design);

    /// <summary>Every rule (single-domain sweeps included) on a fresh analysis, minus the resilience degrees of the summary.</summary>
    [Benchmark]
    public PolicyReport EvaluateRules() => _stages.Rules(_stages.Analyse(_design));

    /// <summary>Every capability's resilience degree on a fresh analysis, since degrees are memoized per analysis.</summary>
    [Benchmark]
    public int ResilienceDegrees() => _stages.Resilience(_stages.Analyse(_design));
}
