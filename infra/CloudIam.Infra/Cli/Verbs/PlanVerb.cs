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
    public const string HtmlReport = "report.html";

    public static Command Create(CliContext context)
    {
        var stack = CommonOptions.Stacks($"Stack to plan from stacks/Pulumi.<stack>.yaml (default: {StackConfigLoader.DefaultStack}); repeat it to plan several stacks as one design.");
        stack.Arity = ArgumentArity.ZeroOrMore;
        var outDir = new Option<string?>("--out") { Description = $"Directory for {ProgramFile} (the Pulumi YAML program; Main.<stack>.yaml each for several stacks), {MarkdownReport}, {JsonReport} and {HtmlReport}." }.NotBlank();
        var policy = CommonOptions.Policy();
        var command = new Command("plan", "Offline preview: resources by provider and capability, placement verdict, outage matrix, resilience degrees, security baseline. Exit 0 pass, 1 refused, 2 bad input.")
        {
            stack, outDir, policy,
        };
        command.SetAction(parsed =>
        {
            var names = parsed.GetValue(stack) is { Length: > 0 } given ? given : [StackConfigLoader.DefaultStack];
            var compiled = names.Distinct(StringComparer.Ordinal).Select(name => StackDesigns.Compile(name, context)).ToList();
            var rules = PolicyFiles.Load(parsed.GetValue(policy), context);
            var plan = PlanReport.Build(compiled, rules, context.Today, design => RepositoryPipelines.AddTo(design, rules, context));
            if (parsed.GetValue(outDir) is { } directory)
            {
                var files = compiled.Count == 1
                    ? new Dictionary<string, string> { [ProgramFile] = compiled[0].Yaml }
                    : compiled.ToDictionary(c => $"Main.{c.Config.Stack}.yaml", c => c.Yaml);
                files[MarkdownReport] = PlanFormatter.Markdown(plan);
                files[JsonReport] = PlanFormatter.Json(plan);
                files[HtmlReport] = PlanFormatter.Html(plan);
                ReportFiles.WriteAll(directory, files);
            }

            context.Out.Write(PlanFormatter.Text(plan));
            return plan.Passes ? CloudIamCli.Ok : CloudIamCli.PolicyFailed;
        });
        return command;
    }
}
