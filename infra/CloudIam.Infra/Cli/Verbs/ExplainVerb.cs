using System.CommandLine;
using CloudIam.Placement;
using CloudIam.Placement.Rules;

namespace CloudIam.Infra.Cli.Verbs;

/// <summary><c>explain RULE</c>: what a rule means and how to fix it; without an argument, the list.</summary>
public static class ExplainVerb
{
    public static Command Create(CliContext context)
    {
        var ruleId = new Argument<string?>("rule") { Description = "A rule ID such as PL002; omit it to list every rule.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("explain", "Explain a placement rule and how to fix a violation of it.") { ruleId };
        command.SetAction(parsed =>
        {
            if (parsed.GetValue(ruleId) is not { } id)
            {
                foreach (var listed in RuleRegistry.All)
                {
                    context.Out.WriteLine($"{listed.Id}  {listed.Title}");
                }

                return CloudIamCli.Ok;
            }

            var rule = RuleRegistry.Find(id.Trim().ToUpperInvariant())
                ?? throw new BadInputException("explain", $"unknown rule '{id}'; known rules: {string.Join(", ", RuleRegistry.All.Select(r => r.Id))}");
            context.Out.WriteLine($"{rule.Id}: {rule.Title}");
            context.Out.WriteLine();
            context.Out.WriteLine(rule.Explanation);
            context.Out.WriteLine();
            context.Out.WriteLine($"How to fix: {rule.HowToFix}");
            return CloudIamCli.Ok;
        });
        return command;
    }
}
