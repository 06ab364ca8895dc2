using System.Diagnostics;
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

/// <summary>The stages of <c>check --state</c> on one synthetic export, each callable on its own.</summary>
public sealed class CheckStages(ExportShape shape, int resources)
{
    private readonly byte[] _export = SyntheticExport.Generate(resources, shape: shape);

    public PlacementPolicy Policy { get; } = PolicyLoader.Parse(SyntheticPolicy.For(shape), "synthetic-policy.yaml");

    public ResourceGraph Read() => StackExportReader.Parse(_export, "synthetic.json", Policy.InputPaths());

    public PlacementDesign Infer(ResourceGraph graph) => PlacementInference.Infer(graph);

    public DesignAnalysis Analyse(PlacementDesign design) => DesignAnalysis.Build(design, Policy, ProviderCatalog.Shipped.Services);

    public PolicyReport Rules(DesignAnalysis analysis) => PolicyEngine.Evaluate(analysis, SyntheticPolicy.Today);

    /// <summary>The sum of the degrees, so the work cannot be optimised away.</summary>
    public int Resilience(DesignAnalysis analysis) => analysis.Capabilities.Keys.Sum(name => analysis.Resilience(name).Degree ?? 0);

    /// <summary>Each stage once, in pipeline order, with resilience timed before the rules read it.</summary>
    public IReadOnlyList<(string Stage, TimeSpan Elapsed)> TimeEach()
    {
        var timings = new List<(string, TimeSpan)>();
        T Time<T>(string stage, Func<T> run)
        {
            var watch = Stopwatch.StartNew();
            var result = run();
            timings.Add((stage, watch.Elapsed));
            return result;
        }

        var graph = Time("read", Read);
        var design = Time("infer", () => Infer(graph));
        var analysis = Time("analyse", () => Analyse(design));
        Time("resilience", () => Resilience(analysis));
        Time("rules", () => Rules(analysis));
        return timings;
    }
}
