using System.CommandLine;
using CloudIam.Infra.Cli.Verbs;
using CloudIam.Placement;

namespace CloudIam.Infra.Cli;

/// <summary>
/// The <c>cloudiam-infra</c> command line (DESIGN §6). Exit codes: 0 ok, 1 policy violation or
/// critical capability down, 2 bad input (one message naming the file and line or JSON path),
/// 3 internal error (a bug: reported without a stack trace, please file it).
/// </summary>
public static class CloudIamCli
{
    public const int Ok = 0;
    public const int PolicyFailed = 1;
    public const int BadInput = 2;
    public const int InternalError = 3;

    public static int Run(string[] args, CliContext context)
    {
        var root = new RootCommand("Placement-checked infrastructure for Cloud-IAM's internal tooling: compiles the Pulumi YAML program, plans it offline, checks a design against the placement policy and simulates outages.")
        {
            CompileVerb.Create(context),
            PlanVerb.Create(context),
            CheckVerb.Create(context),
            SimulateVerb.Create(context),
            DiffVerb.Create(context),
            ExplainVerb.Create(context),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                context.Error.WriteLine($"cloudiam-infra: {error.Message}");
            }

            context.Error.WriteLine("Run 'cloudiam-infra --help' for usage.");
            return BadInput;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
        catch (BadInputException e)
        {
            context.Error.WriteLine($"cloudiam-infra: {e.Message}");
            return BadInput;
        }
        catch (Exception e)
        {
            context.Error.WriteLine($"cloudiam-infra: internal error ({e.GetType().Name}): {e.Message}");
            return InternalError;
        }
    }
}
