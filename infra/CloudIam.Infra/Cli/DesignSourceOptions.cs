using System.Collections.Immutable;
using System.CommandLine;
using CloudIam.Infra.Compilation;
using CloudIam.Infra.Security;
using CloudIam.Infra.Stacks;
using CloudIam.Placement;
using CloudIam.Placement.Design;
using CloudIam.Placement.Policy;
using CloudIam.Pulumi.Graph;
using CloudIam.Pulumi.Inference;
using CloudIam.Pulumi.Preview;
using CloudIam.Pulumi.State;
using CloudIam.Pulumi.Watching;

namespace CloudIam.Infra.Cli;

/// <summary>
/// <c>--stack S | --state FILE | --preview FILE</c>, each repeatable and mixable (DESIGN §7.2): the
/// sources of one design. Each ends in the same placement inference, so the design checked is the
/// design that is deployed.
/// </summary>
public sealed class DesignSourceOptions
{
    private readonly Option<string[]> _stack = CommonOptions.Stacks();
    private readonly Option<string[]> _state = CommonOptions.State();
    private readonly Option<string[]> _preview = CommonOptions.Preview();
    private readonly Option<string?> _deployments = new("--deployments")
    {
        Description = "With --state or --preview: a YAML file of the customer deployments (name, url, provider, region, network) and receiver hosts the design watches; a stack's come from its config.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_stack);
        command.Options.Add(_state);
        command.Options.Add(_preview);
        command.Options.Add(_deployments);
        command.Validators.Add(result =>
        {
            // Presence, not value: reading a value here would throw on a missing one instead of letting the
            // parser report it.
            if (!new Option[] { _stack, _state, _preview }.Any(option => result.GetResult(option) is not null))
            {
                result.AddError("give at least one --stack, --state or --preview (each may be repeated)");
            }
            else if (result.GetValue(_stack) is { Length: > 0 } && result.GetValue(_deployments) is not null)
            {
                result.AddError("--deployments goes with --state or --preview; a stack's deployments come from its config");
            }
        });
    }

    public LoadedDesign Load(ParseResult parsed, CliContext context, PlacementPolicy policy) =>
        LoadedDesign.Load(
            Specs(parsed.GetValue(_stack), parsed.GetValue(_state), parsed.GetValue(_preview)),
            context,
            policy,
            parsed.GetValue(_deployments) is { } file ? StackConfigLoader.WatchListFromFile(file, SiteCatalog.ClusterProviders) : null);

    private static List<DesignSpec> Specs(string[]? stacks, string[]? states, string[]? previews) =>
    [
        .. (stacks ?? []).Select(s => new DesignSpec(DesignSpecKind.Stack, s)),
        .. (states ?? []).Select(s => new DesignSpec(DesignSpecKind.State, s)),
        .. (previews ?? []).Select(s => new DesignSpec(DesignSpecKind.Preview, s)),
    ];
}

public enum DesignSpecKind
{
    Stack,
    State,
    Preview,

    /// <summary>A file told apart by content, or <c>stack:&lt;name&gt;</c> (the sides of <c>diff</c>).</summary>
    Detect,
}

public sealed record DesignSpec(DesignSpecKind Kind, string Value);

/// <summary>One design read from one or more sources.</summary>
public sealed record LoadedDesign
{
    private const string StackPrefix = "stack:";

    public required PlacementDesign Design { get; init; }

    /// <summary>Each source by name (stack config file, export, preview), in the order given.</summary>
    public required ImmutableArray<string> Sources { get; init; }

    /// <summary>The security baseline on every compiled stack; null when no source is a stack.</summary>
    public ImmutableArray<SecurityFinding>? SecurityFindings { get; init; }

    /// <param name="watching">Deployments from a side file (<c>--deployments</c>); each stack adds those of its config.</param>
    public static LoadedDesign Load(IReadOnlyList<DesignSpec> specs, CliContext context, PlacementPolicy policy, WatchList? watching = null)
    {
        var graphs = new List<ResourceGraph>(specs.Count);
        var stacks = new List<(StackConfig Config, ResourceGraph Graph)>();
        List<SecurityFinding>? findings = null;

        // Probe targets and Alertmanager receivers live in Helm values, which readers otherwise skip.
        var inputs = watching is null ? policy.InputPaths() : policy.InputPaths().Concat(WatchedDesign.InputPaths);
        foreach (var spec in specs)
        {
            if (StackName(spec) is { } stack)
            {
                var compiled = StackDesigns.Compile(stack, context);
                graphs.Add(compiled.Graph);
                stacks.Add((compiled.Config, compiled.Graph));
                (findings ??= []).AddRange(compiled.SecurityFindings);
                continue;
            }

            var kind = spec.Kind == DesignSpecKind.Detect ? PulumiJsonKinds.Detect(spec.Value) : spec.Kind == DesignSpecKind.State ? PulumiJsonKind.StackExport : PulumiJsonKind.Preview;
            graphs.Add(kind switch
            {
                PulumiJsonKind.StackExport => StackExportReader.Read(spec.Value, inputs),
                PulumiJsonKind.Preview => PreviewReader.Read(spec.Value, inputs),
                _ => throw new BadInputException(spec.Value, "$", "neither a `pulumi stack export` (no top-level 'deployment') nor a `pulumi preview --json` (no top-level 'steps')"),
            });
        }

        return new LoadedDesign
        {
            Design = RepositoryPipelines.AddTo(CompiledStack.Watch(PlacementInference.Infer(ResourceGraphs.Merge(graphs)), watching is null ? [] : [watching], stacks), policy, context),
            Sources = [.. graphs.Select(g => g.Source)],
            SecurityFindings = findings?.ToImmutableArray(),
        };
    }

    private static string? StackName(DesignSpec spec) => spec switch
    {
        { Kind: DesignSpecKind.Stack } => spec.Value,
        { Kind: DesignSpecKind.Detect } when spec.Value.StartsWith(StackPrefix, StringComparison.Ordinal) => spec.Value[StackPrefix.Length..],
        _ => null,
    };
}
