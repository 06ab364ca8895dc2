using System.CommandLine;
using CloudIam.Infra.Reports;
using CloudIam.Placement.Analysis;
using CloudIam.Placement.Evaluation;
using CloudIam.Pulumi.Providers;

namespace CloudIam.Infra.Cli.Verbs;

/// <summary><c>diff</c>: placement changes between two designs, for merge-request comments.</summary>
public static class DiffVerb
{
    public static Command Create(CliContext context)
    {
        const string DesignHelp = "stack:<name>, or a `pulumi stack export` / `pulumi preview --json` file (recognised by content); repeat it for a design of several sources";
        var baseDesign = CommonOptions.Repeatable("--base", $"The design before the change: {DesignHelp}.");
        var headDesign = CommonOptions.Repeatable("--head", $"The design after the change: {DesignHelp}.");
        baseDesign.Required = true;
        headDesign.Required = true;
        var policy = CommonOptions.Policy();
        var format = CommonOptions.Format(OutputFormat.Text, OutputFormat.Json, OutputFormat.Markdown);
        var command = new Command("diff", "Compare the placement of two designs. Exit 1 when the head adds a blocking violation or lowers a critical capability's resilience degree.")
        {
            baseDesign, headDesign, policy, format,
        };
        command.SetAction(parsed =>
        {
            var rules = PolicyFiles.Load(parsed.GetValue(policy), context);
            PolicyReport Check(string[] specs) => PolicyEngine.Evaluate(
                DesignAnalysis.Build(LoadedDesign.Load([.. specs.Select(s => new DesignSpec(DesignSpecKind.Detect, s))], context, rules).Design, rules, ProviderCatalog.Shipped.Services),
                context.Today);
            string[] before = parsed.GetValue(baseDesign)!, after = parsed.GetValue(headDesign)!;
            var diff = ReportDiff.Between(Check(before), Check(after));
            context.Out.Write(DiffFormatter.Format(diff, parsed.GetValue(format), string.Join(" + ", before), string.Join(" + ", after)));
            return diff.IsRegression ? CloudIamCli.PolicyFailed : CloudIamCli.Ok;
        });
        return command;
    }
}
