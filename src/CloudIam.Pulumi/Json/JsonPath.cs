using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CloudIam.Pulumi.Json;

/// <summary>
/// Where a reader is inside a document, kept as cheap frames; the <c>$.a.b[3]</c> text is built only
/// when an error has to name the spot. Names the readers skip are recorded as byte offsets and decoded
/// on demand, so skipping a property costs no string.
/// </summary>
internal sealed class JsonPath
{
    private Frame[] _frames = new Frame[16];
    private int _count;

    public void Push(string name) => Add(new Frame(name, -1, -1));

    /// <summary>Records the property name the reader is on without decoding it.</summary>
    public void PushNameAt(ref Utf8JsonReader reader) => Add(new Frame(null, reader.TokenStartIndex, -1));

    public void PushIndex(int index) => Add(new Frame(null, -1, index));

    public void Pop() => _count--;

    public string Render(ReadOnlySpan<byte> json)
    {
        var text = new StringBuilder("$");
        foreach (var frame in _frames.AsSpan(0, _count))
        {
            if (frame.Index >= 0)
            {
                text.Append('[').Append(frame.Index).Append(']');
            }
            else
            {
                AppendName(text, frame.Name ?? DecodeName(json, frame.NameOffset));
            }
        }

        return text.ToString();
    }

    private void Add(Frame frame)
    {
        if (_count == _frames.Length)
        {
            Array.Resize(ref _frames, _count * 2);
        }

        _frames[_count++] = frame;
    }

    private static void AppendName(StringBuilder text, string name)
    {
        if (name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            text.Append('.').Append(name);
        }
        else
        {
            text.Append("[\"").Append(JsonEncodedText.Encode(name, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString()).Append("\"]");
        }
    }

    private static string DecodeName(ReadOnlySpan<byte> json, long offset)
    {
        try
        {
            var reader = new Utf8JsonReader(json[(int)offset..]);
            reader.Read();
            return reader.GetString() ?? "?";
        }
        catch (InvalidOperationException)
        {
            // The name itself is not valid UTF-8; the message still gives the line.
            return "?";
        }
    }

    private readonly record struct Frame(string? Name, long NameOffset, int Index);
}
