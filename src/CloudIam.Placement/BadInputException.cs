namespace CloudIam.Placement;

/// <summary>
/// Input a person can fix: a missing file, malformed YAML/JSON, an unknown domain or stack.
/// The CLI turns it into one message and exit code 2, so it must always say where the problem is.
/// </summary>
public sealed class BadInputException : Exception
{
    public BadInputException(string source, string location, string problem)
        : base(Format(source, location, problem))
    {
        Source = source;
        Location = location;
        Problem = problem;
    }

    public BadInputException(string source, string problem)
        : this(source, "", problem)
    {
    }

    /// <summary>The file (or pseudo-source such as <c>PULUMI_CONFIG</c>) that holds the mistake.</summary>
    public new string Source { get; }

    /// <summary><c>line 3, column 7</c> for YAML, <c>$.deployment.resources[4].urn</c> for JSON, or empty.</summary>
    public string Location { get; }

    public string Problem { get; }

    private static string Format(string source, string location, string problem) =>
        location.Length == 0 ? $"{source}: {problem}" : $"{source}:{location}: {problem}";
}
