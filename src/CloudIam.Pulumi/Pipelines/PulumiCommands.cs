using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace CloudIam.Pulumi.Pipelines;

/// <summary>
/// What a job's shell lines do with the Pulumi CLI: preview, up, which stacks, which backend, which
/// config keys they set. Variables are expanded from the job's own (<c>$X</c>, <c>${X}</c>, and GitHub's
/// <c>${{ env.X }}</c> / <c>${{ matrix.x }}</c>); a value held only in the CI settings stays unknown.
/// </summary>
internal sealed partial record PulumiCommands
{
    public bool Previews { get; private init; }

    public bool Deploys { get; private init; }

    public ImmutableArray<string> Stacks { get; private init; } = [];

    public string? StateBackend { get; private init; }

    public ImmutableArray<string> ConfigKeysSet { get; private init; } = [];

    /// <summary>The Pulumi CLI reads this when <c>pulumi login</c> is given no URL.</summary>
    public const string BackendVariable = "PULUMI_BACKEND_URL";

    // Options of `pulumi config set` and of stack-aware commands that take a value.
    private static readonly HashSet<string> ValueOptions = new(StringComparer.Ordinal)
    {
        "--stack", "-s", "--type", "--config-file", "--cwd", "-C", "--secrets-provider", "--save-plan", "--plan", "--target", "--cloud-url",
    };

    public static PulumiCommands Parse(IEnumerable<string> script, IReadOnlyDictionary<string, ImmutableArray<string>> variables)
    {
        var previews = false;
        var deploys = false;
        var stacks = new SortedSet<string>(StringComparer.Ordinal);
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        string? backend = null;
        var loggedIn = false;
        foreach (var line in script)
        {
            if (line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            foreach (var command in PulumiInvocations(Tokens(Expression().Replace(line, "${{$1}}"))))
            {
                var (verb, arguments) = Verb(command);
                var positional = Positional(arguments).ToList();
                switch (verb)
                {
                    case "preview":
                        previews = true;
                        break;
                    case "up":
                        deploys = true;
                        break;
                    case "login":
                        loggedIn = true;
                        backend = ExpandSingle(positional.FirstOrDefault() ?? OptionValue(arguments, "--cloud-url") ?? "$" + BackendVariable, variables);
                        break;
                    case "stack" when positional is ["select", var stack, ..]:
                        stacks.UnionWith(Expand(stack, variables).Where(IsKnown));
                        break;
                    case "config" when positional is ["set", var key, ..]:
                        keys.Add(key);
                        break;
                }

                if ((OptionValue(arguments, "--stack") ?? OptionValue(arguments, "-s")) is { } named)
                {
                    stacks.UnionWith(Expand(named, variables).Where(IsKnown));
                }
            }
        }

        if (!loggedIn && variables.ContainsKey(BackendVariable))
        {
            backend = ExpandSingle("$" + BackendVariable, variables);
        }

        return new PulumiCommands
        {
            Previews = previews,
            Deploys = deploys,
            Stacks = [.. stacks],
            StateBackend = backend,
            ConfigKeysSet = [.. keys],
        };
    }

    // The token lists after each `pulumi` word, up to the next shell operator.
    private static IEnumerable<List<string>> PulumiInvocations(List<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] is not ("pulumi" or "./pulumi") && !tokens[i].EndsWith("/pulumi", StringComparison.Ordinal))
            {
                continue;
            }

            var command = new List<string>();
            for (i++; i < tokens.Count && !IsOperator(tokens[i]); i++)
            {
                command.Add(tokens[i]);
            }

            yield return command;
        }
    }

    private static bool IsOperator(string token) =>
        token is "&&" or "||" or "|" or ";" or ">" or ">>" or "<" or "2>" or "2>&1" or "&" || token.StartsWith('>') || token.StartsWith("2>", StringComparison.Ordinal);

    private static (string? Verb, List<string> Arguments) Verb(List<string> command)
    {
        var index = command.FindIndex(token => !token.StartsWith('-'));
        return index < 0 ? (null, []) : (command[index], command[(index + 1)..]);
    }

    private static IEnumerable<string> Positional(List<string> arguments)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (!arguments[i].StartsWith('-'))
            {
                yield return arguments[i];
            }
            else if (ValueOptions.Contains(arguments[i]))
            {
                i++;
            }
        }
    }

    private static string? OptionValue(List<string> arguments, string option)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] == option && i + 1 < arguments.Count)
            {
                return arguments[i + 1];
            }

            if (arguments[i].StartsWith(option + "=", StringComparison.Ordinal))
            {
                return arguments[i][(option.Length + 1)..];
            }
        }

        return null;
    }

    private const int MaxExpansionDepth = 8;

    private static bool IsKnown(string value) => value.Length > 0 && !value.Contains('$', StringComparison.Ordinal);

    /// <summary>One value, or null when it is unknown here or differs between matrix rows.</summary>
    public static string? ExpandSingle(string token, IReadOnlyDictionary<string, ImmutableArray<string>> variables) =>
        Expand(token, variables) is [var only] && IsKnown(only) ? only : null;

    private static List<string> Expand(string token, IReadOnlyDictionary<string, ImmutableArray<string>> variables, int depth = 0)
    {
        var match = Reference().Match(token);
        if (!match.Success || depth > MaxExpansionDepth)
        {
            return [token];
        }

        var name = match.Groups["expr"].Success ? match.Groups["expr"].Value : match.Groups["braced"].Success ? match.Groups["braced"].Value : match.Groups["plain"].Value;
        if (name.StartsWith("env.", StringComparison.Ordinal))
        {
            name = name["env.".Length..];
        }

        if (!variables.TryGetValue(name, out var values))
        {
            return [token];
        }

        // A value may itself refer to variables, as GitLab expands them; the depth bound ends self-references.
        return [.. values.SelectMany(value => Expand(token[..match.Index] + value + token[(match.Index + match.Length)..], variables, depth + 1))];
    }

    // Shell-like words: whitespace-separated, quotes removed, operators kept as their own tokens.
    private static List<string> Tokens(string line)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var started = false;
        char? quote = null;
        foreach (var c in line)
        {
            if (quote is { } open)
            {
                if (c == open)
                {
                    quote = null;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                started = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                Flush();
            }
            else if (c is ';' or '|' or '&')
            {
                Flush();
                tokens.Add(c.ToString());
            }
            else
            {
                current.Append(c);
                started = true;
            }
        }

        Flush();
        return tokens;

        void Flush()
        {
            if (started)
            {
                tokens.Add(current.ToString());
                current.Clear();
                started = false;
            }
        }
    }

    // `${{ matrix.stack }}` as one word, so that splitting on spaces keeps it whole.
    [GeneratedRegex(@"\$\{\{\s*([^}\s]+)\s*\}\}")]
    private static partial Regex Expression();

    [GeneratedRegex(@"\$\{\{\s*(?<expr>[A-Za-z0-9_.-]+)\s*\}\}|\$\{(?<braced>[A-Za-z_][A-Za-z0-9_]*)\}|\$(?<plain>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Reference();
}
