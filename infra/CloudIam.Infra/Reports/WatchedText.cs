using CloudIam.Infra.Reports.Check;
using CloudIam.Placement.Analysis;

namespace CloudIam.Infra.Reports;

/// <summary>How <c>check</c> and <c>simulate</c> show an observed instance (a customer deployment) and who watches it.</summary>
internal static class WatchedText
{
    /// <param name="status">Whether to say up/DOWN: an outage's story does, a verdict's listing does not.</param>
    public static string Line(WatchedInstance watched, bool status)
    {
        var seen = watched.SeenBy.IsEmpty ? "seen by nothing" : $"seen by {string.Join(", ", watched.SeenBy.Select(s => $"{s.Name} ({s.Capability})"))}";
        var paged = watched.PagedThrough switch
        {
            null => "",
            { IsEmpty: true } => "; pages nobody",
            var paths => $"; pages through {string.Join(", ", paths)}",
        };
        var where = watched.Region is { } region ? $"{watched.Provider} ({region})" : watched.Provider;
        return $"{watched.Name} on {where}: {(status ? (watched.Down ? "DOWN, " : "up, ") : "")}{seen}{paged}";
    }

    public static DeploymentEntry Json(WatchedInstance watched) => new(
        watched.Name,
        watched.Capability,
        watched.Provider,
        watched.Region,
        watched.Down,
        [.. watched.SeenBy.Select(s => new WatcherEntry(s.Name, s.Capability))],
        watched.PagedThrough);
}
