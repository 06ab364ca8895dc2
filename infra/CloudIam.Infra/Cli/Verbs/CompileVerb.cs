using System.CommandLine;
using CloudIam.Infra.Reports.Check;
using CloudIam.Infra.Security;
using CloudIam.Infra.Stacks;
using CloudIam.Placement.Analysis;
using CloudIam.Placement.Evaluation;
using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Cli.Verbs;

/// <summary>
/// <c>compile</c>: what Pulumi's YAML runtime runs (Pulumi.yaml <c>runtime.options.compiler</c>). stdout
/// carries the Pulumi YAML program and nothing else; a design that breaks the placement policy or the
/// security baseline exits 1 with the reasons on stderr, so <c>pulumi preview</c>/<c>up</c> stop
/// before touching a cloud.
/// </summary>
public static class CompileVerb
{
    private const string Tooling = "tooling";
    private const string State = "state";

    private static readonly string[] PulumiVariables = ["PULUMI_STACK", "PULUMI_CONFIG", "PULUMI_ROOT_DIRECTORY"];

    public static Command Create(CliContext context)
    {
        var stack = CommonOptions.Stack("Stack to compile from stacks/Pulumi.<stack>.yaml; without it, PULUMI_STACK/PULUMI_CONFIG as Pulumi passes them (prod when neither is set).");
        var program = new Option<string>("--program")
        {
            Description = "tooling (default): the tooling program; state: the bootstrap program of the Pulumi state buckets (bootstrap/Pulumi.yaml).",
            DefaultValueFactory = _ => Tooling,
        };
        program.AcceptOnlyFromAmong(Tooling, State);
        var command = new Command("compile", "Compile a stack to a Pulumi YAML program on stdout, after checking it against the placement policy and the security baseline.") { stack, program };
        command.SetAction(parsed =>
        {
            var config = parsed.GetValue(stack) is { } name
                ? StackDesigns.Load(name, context)
                : StackConfigLoader.FromEnvironment(PulumiEnvironment(context), context.Root, SiteCatalog.ClusterProviders);
            if (parsed.GetValue(program) == State)
            {
                return CompileState(config, context);
            }

            var compiled = context.Compiler(config);
            var policy = PolicyFiles.Load(null, context);
            var report = PolicyEngine.Evaluate(DesignAnalysis.Build(RepositoryPipelines.AddTo(compiled.Design, policy, context), policy, ProviderCatalog.Shipped.Services), context.Today);
            if (report.Verdict == Verdict.Fail || !compiled.SecurityFindings.IsEmpty)
            {
                context.Error.WriteLine($"cloudiam-infra: stack '{config.Stack}' is refused; nothing was compiled.");
                if (report.Verdict == Verdict.Fail)
                {
                    context.Error.Write(CheckText.Render(report, [config.Source]));
                }

                foreach (var finding in compiled.SecurityFindings)
                {
                    context.Error.WriteLine($"error {finding}");
                }

                return CloudIamCli.PolicyFailed;
            }

            context.Out.Write(compiled.Yaml);
            context.Error.WriteLine($"cloudiam-infra: compiled stack '{config.Stack}': {compiled.Program.Resources.Length} resources, placement {CheckSummary.VerdictLine(report)}");
            return CloudIamCli.Ok;
        });
        return command;
    }

    /// <summary>The state program has no placement to check (its buckets are per provider by design), only the baseline.</summary>
    private static int CompileState(StackConfig config, CliContext context)
    {
        if (config.State is not { } state)
        {
            context.Error.WriteLine($"{config.Source}: cloudiam-infra:state is not set; the state program needs its bucket settings");
            return CloudIamCli.BadInput;
        }

        var program = StateProgram.Build(config, state);
        var findings = SecurityBaseline.Run(program);
        if (!findings.IsEmpty)
        {
            context.Error.WriteLine($"cloudiam-infra: the state program of stack '{config.Stack}' is refused; nothing was compiled.");
            foreach (var finding in findings)
            {
                context.Error.WriteLine($"error {finding}");
            }

            return CloudIamCli.PolicyFailed;
        }

        context.Out.Write(ProgramEmitter.Emit(program));
        context.Error.WriteLine($"cloudiam-infra: compiled the state program of stack '{config.Stack}': {program.Resources.Length} resources");
        return CloudIamCli.Ok;
    }

    private static Dictionary<string, string> PulumiEnvironment(CliContext context) =>
        PulumiVariables
            .Select(name => (name, value: context.Environment(name)))
            .Where(variable => variable.value is not null)
            .ToDictionary(variable => variable.name, variable => variable.value!, StringComparer.Ordinal);
}
