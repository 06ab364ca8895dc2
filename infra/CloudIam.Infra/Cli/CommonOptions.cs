using System.CommandLine;
using CloudIam.Infra.Reports;

namespace CloudIam.Infra.Cli;

/// <summary>Options several verbs share, declared once so their names and help never drift apart.</summary>
public static class CommonOptions
{
    public static Option<string?> Stack(string description = "Stack name: reads stacks/Pulumi.<stack>.yaml and compiles the program.") =>
        new Option<string?>("--stack", "-s") { Description = description }.NotBlank();

    /// <summary>Repeatable: several stacks make one design (DESIGN §7.2).</summary>
    public static Option<string[]> Stacks(string description = "Stack name: reads stacks/Pulumi.<stack>.yaml and compiles the program. Repeatable.") =>
        Repeatable("--stack", description, "-s");

    public static Option<string[]> State() =>
        Repeatable("--state", "A `pulumi stack export` file (checkpoint version 3). Repeatable.");

    public static Option<string[]> Preview() =>
        Repeatable("--preview", "A `pulumi preview --json` file. Repeatable.");

    /// <summary>One value per occurrence (<c>--state a --state b</c>), so a file name is never read as an option's second value.</summary>
    public static Option<string[]> Repeatable(string name, string description, params string[] aliases) =>
        new Option<string[]>(name, aliases) { Description = description, Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false }.NotBlank();

    public static Option<string?> Policy() =>
        new Option<string?>("--policy", "-p") { Description = "Placement policy file (default: policy/placement.yaml, the program's own policy)." }.NotBlank();

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

    /// <summary>
    /// A blank value (or one holding NUL) names no file, stack or domain: it is refused with the option's
    /// name while parsing, instead of surfacing later as a failed open of "".
    /// </summary>
    public static Option<T> NotBlank<T>(this Option<T> option)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Any(token => string.IsNullOrWhiteSpace(token.Value) || token.Value.Contains('\0', StringComparison.Ordinal)))
            {
                result.AddError($"{option.Name} needs a value that is not blank");
            }
        });
        return option;
    }
}
