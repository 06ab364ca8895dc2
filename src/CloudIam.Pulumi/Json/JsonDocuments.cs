using System.Collections.Immutable;
using System.Text.Json;
using CloudIam.Placement;
using CloudIam.Pulumi.Graph;

namespace CloudIam.Pulumi.Json;

/// <summary>
/// Runs a streaming reader over a whole JSON document and turns every way the document can be wrong
/// into a <see cref="BadInputException"/> naming the file and a line or JSON path.
/// </summary>
internal static class JsonDocuments
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = JsonLimits.MaxDepth };

    public delegate ImmutableArray<PulumiResource> RootReader(ref Utf8JsonReader reader, JsonPath path);

    public static byte[] ReadFile(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BadInputException(path, "file not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException(path, $"cannot read the file: {e.Message}");
        }
    }

    /// <param name="expected">What the file should be, for messages (<c>the JSON of `pulumi preview --json`</c>).</param>
    public static ResourceGraph Parse(ReadOnlySpan<byte> json, string source, string expected, RootReader read)
    {
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        if (json.IsEmpty)
        {
            throw new BadInputException(source, "line 1, byte 1", $"the file is empty; expected {expected}");
        }

        var path = new JsonPath();
        try
        {
            var reader = new Utf8JsonReader(json, Options);
            JsonCursor.Next(ref reader);
            JsonCursor.Expect(ref reader, JsonTokenType.StartObject, expected);
            var resources = read(ref reader, path);

            // Throws when anything but white space follows the document.
            reader.Read();
            return new ResourceGraph { Source = source, Resources = resources };
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } number ? $"line {number + 1}, byte {e.BytePositionInLine + 1}" : "";
            throw new BadInputException(source, Locate(line, path.Render(json)), $"invalid JSON: {WithoutPosition(e.Message)}");
        }
        catch (JsonContentException e)
        {
            var line = e.ByteOffset is { } offset ? LineOf(json, offset) : "";
            throw new BadInputException(source, Locate(line, path.Render(json)), e.Message);
        }
    }

    private static string Locate(string line, string path) =>
        line.Length == 0 ? path
        : path == "$" ? line
        : $"{line} at {path}";

    private static string LineOf(ReadOnlySpan<byte> json, long offset)
    {
        var before = json[..(int)offset];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return $"line {before.Count((byte)'\n') + 1}, byte {before.Length - lineStart + 1}";
    }

    /// <summary>The reader appends " LineNumber: 0 | BytePositionInLine: 3."; the location already says it, 1-based.</summary>
    private static string WithoutPosition(string message) =>
        message.IndexOf(" LineNumber:", StringComparison.Ordinal) is var cut and > 0 ? message[..cut] : message;
}
