namespace CloudIam.Pulumi.Json;

/// <summary>
/// One instance per distinct string. A large export repeats the same type tokens, provider URNs and
/// dependency URNs thousands of times; sharing them keeps the graph far smaller than the file.
/// </summary>
internal sealed class StringPool
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Intern(ReadOnlySpan<char> text)
    {
        if (_lookup.TryGetValue(text, out var existing))
        {
            return existing;
        }

        var created = text.ToString();
        _strings.Add(created);
        return created;
    }
}
