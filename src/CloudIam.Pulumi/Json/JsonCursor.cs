using System.Text.Json;

namespace CloudIam.Pulumi.Json;

/// <summary>Small moves over a <see cref="Utf8JsonReader"/> shared by the document readers.</summary>
internal static class JsonCursor
{
    public static void Next(ref Utf8JsonReader reader)
    {
        // Over a complete buffer the reader throws on a cut-off document; this guards the remaining case.
        if (!reader.Read())
        {
            throw new JsonContentException("the document ends too early");
        }
    }

    /// <summary>Moves to the next property name of the current object; false at its end.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>Skips the property the reader is on, naming it in errors found inside its value.</summary>
    public static void SkipProperty(ref Utf8JsonReader reader, JsonPath path)
    {
        path.PushNameAt(ref reader);
        reader.Skip();
        path.Pop();
    }

    public static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string expected)
    {
        if (reader.TokenType != type)
        {
            throw Unexpected(ref reader, expected);
        }
    }

    public static JsonContentException Unexpected(ref Utf8JsonReader reader, string expected) =>
        new($"expected {expected}, found {Describe(reader.TokenType)}");

    /// <summary>A string, or null for JSON null (Go writes absent optional strings either way).</summary>
    public static string? OptionalString(ref Utf8JsonReader reader, StringPool pool) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => JsonText.Intern(ref reader, pool),
        _ => throw Unexpected(ref reader, "a string"),
    };

    public static bool Bool(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Unexpected(ref reader, "true or false"),
    };

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => type.ToString(),
    };
}
