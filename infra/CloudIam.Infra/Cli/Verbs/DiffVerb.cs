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
        const string DesignHelp = "stack:<name>, or a `pulumi stack export` / `pulumi preview --json` file (recognised by content)";
        var baseDesign = new Option<string>("--base") { Description = $"The design before the change: {DesignHelp}.", Required = true };
        var headDesign = new Option<string>("--head") { Description = $"The design after the change: {DesignHelp}.", Required = true };
        var policy = CommonOptions.Policy();
        var format = CommonOptions.Format(OutputFormat.Text, OutputFormat.Json, OutputFormat.Markdown);
        var command = new Command("diff", "Compare the placement of two designs. Exit 1 when the head adds a blocking violation or lowers a critical capability's resilience degree.")
        {
            baseDesign, headDesign, policy, format,
        };
        command.SetAction(parsed =>
        {
            var rules = PolicyFiles.Load(parsed.GetValue(policy), context);
            PolicyReport Check(string spec) =>
                PolicyEngine.Evaluate(DesignAnalysis.Build(DesignSourceOptions.Load(spec, context, rules), rules, ProviderCatalog.Shipped.Services), context.Today);
            var diff = ReportDiff.Between(Check(parsed.GetValue(baseDesign)!), Check(parsed.GetValue(headDesign)!));
            context.Out.Write(DiffFormatter.Format(diff, parsed.GetValue(format), parsed.GetValue(baseDesign)!, parsed.GetValue(headDesign)!));
            return diff.IsRegression ? CloudIamCli.PolicyFailed : CloudIamCli.Ok;
        });
        return command;
    }
}
