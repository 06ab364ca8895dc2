using System.Collections.Immutable;

namespace CloudIam.Placement.Analysis;

/// <summary>
/// The smallest number of simultaneous domain failures that break a capability, with one such set
/// as the witness. <see cref="Degree"/> is null when no set of up to <see cref="MaxSearched"/> breaks it.
/// </summary>
public sealed record ResilienceDegree
{
    public const int MaxSearched = 3;

    public required int? Degree { get; init; }

    /// <summary>Domain identifiers, broadest first; empty when <see cref="Degree"/> is 0 or null.</summary>
    public required ImmutableArray<string> Witness { get; init; }

    /// <summary>The dependency capability through which it breaks, when that is cheaper than breaking it directly.</summary>
    public string? Through { get; init; }

    public static ResilienceDegree Beyond { get; } = new() { Degree = null, Witness = [] };

    public override string ToString() => Show(Degree);

    /// <summary>"2", or "&gt;3" for a degree beyond the search.</summary>
    public static string Show(int? degree) =>
        degree is { } value ? value.ToString(System.Globalization.CultureInfo.InvariantCulture) : $">{MaxSearched}";
}
