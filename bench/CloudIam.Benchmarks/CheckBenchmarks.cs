using BenchmarkDotNet.Attributes;
using CloudIam.Benchmarks.Synthetic;
using CloudIam.Placement.Analysis;
using CloudIam.Placement.Evaluation;
using CloudIam.Placement.Policy;
using CloudIam.Pulumi.Inference;
using CloudIam.Pulumi.State;

namespace CloudIam.Benchmarks;

public partial class CheckBenchmarks
{
    private PlacementPolicy? _policy;

    /// <summary>Generates the export and loads the policy outside the measurement: only checking is timed.</summary>
    [GlobalSetup(Target = nameof(Check))]
    public void SetupCheck()
    {
        _export = SyntheticExport.Generate(Resources);
        _policy = PolicyLoader.Parse(SyntheticPolicy.Yaml, "synthetic-policy.yaml");
    }

    /// <summary>
    /// The whole <c>check --state</c> pipeline on the floor's bytes: read, infer placement, analyse,
    /// and evaluate every rule (single-domain sweep and resilience degrees). Kept in one method so it
    /// is the only place to adjust when the APIs settle.
    /// </summary>
    [Benchmark]
    public object Check()
    {
        var graph = StackExportReader.Parse(_export, "synthetic.json");
        var design = PlacementInference.Infer(graph);
        var analysis = DesignAnalysis.Build(design, _policy!);
        return PolicyEngine.Evaluate(analysis, SyntheticPolicy.Today);
    }
}
