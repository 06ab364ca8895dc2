using System.CommandLine;
using CloudIam.Placement;
using CloudIam.Placement.Design;
using CloudIam.Placement.Policy;
using CloudIam.Pulumi.Inference;
using CloudIam.Pulumi.Preview;
using CloudIam.Pulumi.State;

namespace CloudIam.Infra.Cli;

/// <summary>
/// <c>--stack S | --state FILE | --preview FILE</c>: the three ways to name a design. Each ends in the
/// same placement inference, so the design checked is the design that is deployed.
/// </summary>
public sealed class DesignSourceOptions
{
    private readonly Option<string?> _stack = CommonOptions.Stack();
    private readonly Option<string?> _state = CommonOptions.State();
    private readonly Option<string?> _preview = CommonOptions.Preview();

    public void AddTo(Command command)
    {
        command.Options.Add(_stack);
        command.Options.Add(_state);
        command.Options.Add(_preview);
        command.Validators.Add(result =>
        {
            var given = new[] { result.GetValue(_stack), result.GetValue(_state), result.GetValue(_preview) }.Count(v => v is not null);
            if (given != 1)
            {
                result.AddError("give exactly one of --stack, --state or --preview");
            }
        });
    }

    public PlacementDesign Load(ParseResult parsed, CliContext context, PlacementPolicy policy) => RepositoryPipelines.AddTo(
        parsed.GetValue(_stack) is { } stack ? StackDesigns.Compile(stack, context).Design
        : parsed.GetValue(_state) is { } state ? PlacementInference.Infer(StackExportReader.Read(state, policy.InputPaths()))
        : PlacementInference.Infer(PreviewReader.Read(parsed.GetValue(_preview)!, policy.InputPaths())),
        policy,
        context);

    /// <summary>
    /// One design named in a single word, for <c>diff</c>: <c>stack:&lt;name&gt;</c>, or a JSON file
    /// recognised as a stack export (top-level <c>deployment</c>) or a preview (top-level <c>steps</c>).
    /// </summary>
    public static PlacementDesign Load(string spec, CliContext context, PlacementPolicy policy)
    {
        if (spec.StartsWith(StackPrefix, StringComparison.Ordinal))
        {
            return RepositoryPipelines.AddTo(StackDesigns.Compile(spec[StackPrefix.Length..], context).Design, policy, context);
        }

        return RepositoryPipelines.AddTo(
            PulumiJsonKinds.Detect(spec) switch
            {
                PulumiJsonKind.StackExport => PlacementInference.Infer(StackExportReader.Read(spec, policy.InputPaths())),
                PulumiJsonKind.Preview => PlacementInference.Infer(PreviewReader.Read(spec, policy.InputPaths())),
                _ => throw new BadInputException(spec, "$", "neither a `pulumi stack export` (no top-level 'deployment') nor a `pulumi preview --json` (no top-level 'steps')"),
            },
            policy,
            context);
    }

    private const string StackPrefix = "stack:";
}
