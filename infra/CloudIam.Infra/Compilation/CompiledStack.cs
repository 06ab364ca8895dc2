using System.Collections.Immutable;
using CloudIam.Infra.Components.Observability;
using CloudIam.Infra.Security;
using CloudIam.Infra.Stacks;
using CloudIam.Placement.Design;
using CloudIam.Pulumi.Graph;
using CloudIam.Pulumi.Inference;
using CloudIam.Pulumi.Watching;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Compilation;

/// <summary>
/// One stack compiled: the Pulumi YAML program Pulumi will run, and the placement inferred from that
/// very program (through the same resource-graph inference used for state exports and previews), with the
/// customer deployments of its config and the probes and alert paths that watch them.
/// </summary>
public sealed record CompiledStack
{
    public required StackConfig Config { get; init; }

    public required PulumiProgram Program { get; init; }

    /// <summary>The program as Pulumi YAML, byte-identical for the same config.</summary>
    public required string Yaml { get; init; }

    /// <summary>The program as a resource graph, what a design of several sources merges.</summary>
    public required ResourceGraph Graph { get; init; }

    public required PlacementDesign Design { get; init; }

    public required ImmutableArray<SecurityFinding> SecurityFindings { get; init; }

    /// <summary>The security rules its providers do not offer the settings of.</summary>
    public required ImmutableArray<NotApplicable> SecurityNotApplicable { get; init; }

    public static CompiledStack Compile(StackConfig config) => From(config, CloudIamProgram.Build(config));

    /// <summary>Everything derived from one program: its YAML, its inferred placement, its security findings.</summary>
    public static CompiledStack From(StackConfig config, PulumiProgram program)
    {
        var graph = ProgramGraph.From(program, config.Stack) with { Source = config.Source };
        return new CompiledStack
        {
            Config = config,
            Program = program,
            Yaml = ProgramEmitter.Emit(program),
            Graph = graph,
            Design = Watch(PlacementInference.Infer(graph), [], [(config, graph)]),
            SecurityFindings = SecurityBaseline.Run(program),
            SecurityNotApplicable = SecurityBaseline.NotApplicable(program),
        };
    }

    /// <summary>
    /// A design with the deployments it watches (each stack's, then those of <paramref name="sideFiles"/>) and the
    /// alert paths about them; a path that starts in a stack's program takes as long as the settings that program
    /// deploys (<see cref="AlertPaths"/>), one from an export or a preview has no known time.
    /// </summary>
    public static PlacementDesign Watch(PlacementDesign design, IEnumerable<WatchList> sideFiles, IReadOnlyList<(StackConfig Config, ResourceGraph Graph)> stacks)
    {
        var timingByUrn = new Dictionary<string, AlertTiming>(StringComparer.Ordinal);
        foreach (var (config, graph) in stacks)
        {
            var timing = AlertPaths.Timing(config);
            foreach (var resource in graph.Resources)
            {
                timingByUrn.TryAdd(resource.Urn, timing);
            }
        }

        var watching = WatchList.Combine([.. stacks.Select(stack => stack.Config.Watching), .. sideFiles]);
        return WatchedDesign.With(design, watching, resource => timingByUrn.GetValueOrDefault(resource.Urn));
    }
}
