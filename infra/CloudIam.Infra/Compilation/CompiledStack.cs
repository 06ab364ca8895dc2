using System.Collections.Immutable;
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

    public static CompiledStack Compile(StackConfig config)
    {
        var program = CloudIamProgram.Build(config);
        var graph = ProgramGraph.From(program, config.Stack) with { Source = config.Source };
        return new CompiledStack
        {
            Config = config,
            Program = program,
            Yaml = ProgramEmitter.Emit(program),
            Graph = graph,
            Design = WatchedDesign.With(PlacementInference.Infer(graph), config.Watching),
            SecurityFindings = SecurityBaseline.Run(program),
        };
    }
}
