namespace CloudIam.Placement.Rules;

public enum Severity
{
    /// <summary>Blocks: exit code 1.</summary>
    Error,

    /// <summary>Reported, does not block.</summary>
    Warning,
}
