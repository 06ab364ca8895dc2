using System.CommandLine;
using CloudIam.Infra.Reports;
using CloudIam.Infra.Reports.Check;
using CloudIam.Placement.Analysis;
using CloudIam.Placement.Evaluation;
using CloudIam.Pulumi.Providers;

namespace CloudIam.Infra.Cli.Verbs;

/// <summary><c>check</c>: the policy verdict on a stack, a state export or a preview.</summary>
public static class CheckVerb
{
    public static Command Create(CliContext context)
    {
        var source = new DesignSourceOptions();
        var policy = CommonOptions.Policy();
        var format = CommonOptions.Format(Enum.GetValues<OutputFormat>());
        var instances = new Option<InstanceListing>("--instances")
        {
            Description = "Instances in --format json: summary (counts per provider and region, the domains each shares) or full (also every instance with its domains).",
            DefaultValueFactory = _ => InstanceListing.Summary,
        };
        instances.AcceptOnlyFromAmong("summary", "full");
        var command = new Command("check", "Check a design (one or more stacks, exports and previews) against the placement policy. Exit 0 pass, 1 violations, 2 bad input.");
        source.AddTo(command);
        command.Options.Add(policy);
        command.Options.Add(format);
        command.Options.Add(instances);
        command.SetAction(parsed =>
        {
            var rules = PolicyFiles.Load(parsed.GetValue(policy), context);
            var loaded = source.Load(parsed, context, rules);
            var analysis = DesignAnalysis.Build(loaded.Design, rules, ProviderCatalog.Shipped.Services);
            var report = PolicyEngine.Evaluate(analysis, context.Today);
            context.Out.Write(CheckFormatter.Format(CheckedDesign.Of(analysis, report, loaded.Sources, loaded.SecurityFindings), parsed.GetValue(format), parsed.GetValue(instances)));
            return report.Verdict == Verdict.Pass ? CloudIamCli.Ok : CloudIamCli.PolicyFailed;
        });
        return command;
    }
}
