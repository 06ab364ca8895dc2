using System.CommandLine;
using System.Text;
using CloudIam.Infra.Cli.Verbs;
using CloudIam.Placement;

namespace CloudIam.Infra.Cli;

/// <summary>
/// The <c>cloudiam-infra</c> command line (DESIGN §6). Exit codes: 0 ok, 1 policy violation or
/// critical capability down, 2 bad input or environment failure (one line naming the file and line or
/// JSON path, or what could not be written), 3 internal error (a bug: reported without a stack trace,
/// please file it).
/// </summary>
public static class CloudIamCli
{
    public const int Ok = 0;
    public const int PolicyFailed = 1;
    public const int BadInput = 2;
    public const int InternalError = 3;

    /// <summary>Characters of one error line; an echoed 10 MB value says no more than its first lines.</summary>
    public const int MaxMessageLength = 2000;

    private static readonly string? ParserAssembly = typeof(RootCommand).Assembly.GetName().Name;

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

        try
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                return Fail(context, BadInput, $"{string.Join("; ", parsed.Errors.Select(error => error.Message.TrimEnd('.')))} (see 'cloudiam-infra --help')");
            }

            var exit = parsed.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false });
            context.Out.Flush();
            return exit;
        }
        catch (BadInputException e)
        {
            return Fail(context, BadInput, e.Message);
        }
        catch (InvalidOperationException e) when (e.Source == ParserAssembly)
        {
            // A value the parser accepted but cannot bind (a validator reading a repeated single option):
            // still a mistake on the command line.
            return Fail(context, BadInput, e.Message);
        }
        catch (Exception e)
        {
            return Fail(context, InternalError, $"internal error ({e.GetType().Name}): {e.Message}");
        }
    }

    /// <summary>
    /// Every failure is one line: a newline or other control character echoed from an argument, an
    /// environment variable or a file would otherwise break it, or drive the terminal.
    /// </summary>
    public static string OneLine(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static int Fail(CliContext context, int exit, string message)
    {
        try
        {
            var line = OneLine(message);
            if (line.Length > MaxMessageLength)
            {
                line = $"{line[..MaxMessageLength]}… ({line.Length:N0} characters)";
            }

            context.Error.WriteLine($"cloudiam-infra: {line}");
        }
        catch (IOException)
        {
            // stderr itself is gone: the exit code is all that is left to tell.
        }

        return exit;
    }
}
