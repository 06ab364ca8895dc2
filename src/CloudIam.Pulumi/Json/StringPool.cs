namespace CloudIam.Pulumi.Json;

/// <summary>
/// One instance per distinct string. A large export repeats the same type tokens, provider URNs and
/// dependency URNs thousands of times; sharing them keeps the graph far smaller than the file, and
/// looking them up by their UTF-8 bytes means a repeat is never decoded.
/// </summary>
internal sealed class StringPool
{
    private readonly HashSet<string> _strings = new(Utf8KeyComparer.Instance);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<byte>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<byte>>();

    /// <exception cref="InvalidOperationException">The bytes are not valid UTF-8.</exception>
    public string Intern(ReadOnlySpan<byte> utf8)
    {
        if (!_lookup.TryGetValue(utf8, out var text))
        {
            _lookup.Add(utf8);
            _lookup.TryGetValue(utf8, out text);
        }

        return text!;
    }

    public string Intern(string text)
    {
        if (_strings.TryGetValue(text, out var existing))
        {
            return existing;
        }

        _strings.Add(text);
        return text;
    }
}
