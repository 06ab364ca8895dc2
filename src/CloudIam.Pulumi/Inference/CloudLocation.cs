namespace CloudIam.Pulumi.Inference;

internal static class CloudLocation
{
    /// <summary>
    /// The region a zone name lies in: Scaleway zones are the region plus <c>-&lt;n&gt;</c>
    /// (<c>fr-par-1</c> → <c>fr-par</c>), AWS zones the region plus a letter (<c>eu-west-3a</c> → <c>eu-west-3</c>).
    /// Null for other shapes.
    /// </summary>
    public static string? RegionOfZone(string? zone)
    {
        if (zone is not { Length: >= 3 })
        {
            return null;
        }

        if (char.IsAsciiLetterLower(zone[^1]) && char.IsAsciiDigit(zone[^2]))
        {
            return zone[..^1];
        }

        var dash = zone.LastIndexOf('-');
        return dash > 0 && dash < zone.Length - 1 && !zone.AsSpan(dash + 1).ContainsAnyExceptInRange('0', '9')
            ? zone[..dash]
            : null;
    }
}
