using System.CommandLine;
using CloudIam.Infra.Reports;
using CloudIam.Infra.Stacks;

namespace CloudIam.Infra.Cli.Verbs;

/// <summary>
/// <c>plan</c>: the offline preview of a stack, the project's main job. Needs neither Pulumi nor cloud
/// credentials: it compiles the stack, checks it, and writes the program and the reports.
/// </summary>
public static class PlanVerb
{
    public const string ProgramFile = "Main.yaml";
    public const string MarkdownReport = "report.md";
    public const string JsonReport = "report.json";

    public static Command Create(CliContext context)
    {
        var stack = CommonOptions.Stack($"Stack to plan from stacks/Pulumi.<stack>.yaml (default: {StackConfigLoader.DefaultStack}).");
        var outDir = new Option<string?>("--out") { Description = $"Directory for {ProgramFile} (the Pulumi YAML program), {MarkdownReport} and {JsonReport}." };
        var policy = CommonOptions.Policy();
        var command = new Command("plan", "Offline preview: resources by provider and capability, placement verdict, outage matrix, resilience degrees, security baseline. Exit 0 pass, 1 refused, 2 bad input.")
        {
            stack, outDir, policy,
        };
        command.SetAction(parsed =>
        {
            var compiled = StackDesigns.Compile(parsed.GetValue(stack) ?? StackConfigLoader.DefaultStack, context);
            var rules = PolicyFiles.Load(parsed.GetValue(policy), context);
            var plan = PlanReport.Build(compiled, RepositoryPipelines.AddTo(compiled.Design, rules, context), rules, context.Today);
            if (parsed.GetValue(outDir) is { } directory)
            {
                ReportFiles.WriteAll(directory, new Dictionary<string, string>
                {
                    [ProgramFile] = compiled.Yaml,
                    [MarkdownReport] = PlanFormatter.Markdown(plan),
                    [JsonReport] = PlanFormatter.Json(plan),
                });
            }

            context.Out.Write(PlanFormatter.Text(plan));
            return plan.Passes ? CloudIamCli.Ok : CloudIamCli.PolicyFailed;
        });
        return command;
    }
}
