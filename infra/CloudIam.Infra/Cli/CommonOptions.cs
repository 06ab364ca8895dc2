using System.CommandLine;
using CloudIam.Infra.Reports;

namespace CloudIam.Infra.Cli;

/// <summary>Options several verbs share, declared once so their names and help never drift apart.</summary>
public static class CommonOptions
{
    public static Option<string?> Stack(string description = "Stack name: reads stacks/Pulumi.<stack>.yaml and compiles the program.") =>
        new("--stack", "-s") { Description = description };

    public static Option<string?> State() =>
        new("--state") { Description = "A `pulumi stack export` file (checkpoint version 3)." };

    public static Option<string?> Preview() =>
        new("--preview") { Description = "A `pulumi preview --json` file." };

    public static Option<string?> Policy() =>
        new("--policy", "-p") { Description = "Placement policy file (default: policy/placement.yaml, the program's own policy)." };

    public static Option<OutputFormat> Format(params OutputFormat[] allowed)
    {
        var option = new Option<OutputFormat>("--format", "-f")
        {
            Description = $"Output format: {string.Join(", ", allowed.Select(f => f.ToString().ToLowerInvariant()))}.",
            DefaultValueFactory = _ => OutputFormat.Text,
        };
        option.AcceptOnlyFromAmong([.. allowed.Select(f => f.ToString().ToLowerInvariant())]);
        return option;
    }
}
