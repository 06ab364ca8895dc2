using System.Globalization;

namespace CloudIam.Placement.Rules;

/// <summary>Wording shared by violation messages, so every rule phrases lists and counts the same way.</summary>
internal static class Text
{
    public static string JoinAnd(IEnumerable<string> items) => Join(items, "and");

    public static string JoinOr(IEnumerable<string> items) => Join(items, "or");

    /// <summary>"one metrics instance", "2 metrics instances".</summary>
    public static string Instances(int count, string capability) =>
        count == 1 ? $"one {capability} instance" : $"{count} {capability} instances";

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Join(IEnumerable<string> items, string conjunction)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list[..^1])} {conjunction} {list[^1]}";
    }
}
