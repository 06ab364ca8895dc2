using System.Collections.Immutable;
using System.Text.Json;
using CloudIam.Pulumi.Graph;

namespace CloudIam.Pulumi.Json;

/// <summary>
/// Reads resource inputs and outputs into <see cref="PropertyValue"/>s, keeping only the selected parts.
/// Pulumi's special values: a secret becomes <see cref="PropertyValue.Secret"/> and its ciphertext or
/// plaintext is skipped unread; the unknown sentinel becomes <see cref="PropertyValue.Unknown"/>; a
/// resource reference becomes the referenced URN; assets, archives and non-UTF-8 strings are opaque to
/// placement and become <see cref="PropertyValue.Unknown"/>.
/// </summary>
/// <param name="blindedSecrets">True for preview JSON, where the engine writes secrets as <c>"[secret]"</c>.</param>
internal sealed class PropertyValueReader(StringPool pool, JsonPath path, bool blindedSecrets)
{
    /// <summary>Strings longer than this are rarely repeated (kubeconfigs, documents); interning them buys nothing.</summary>
    private const int InternedLength = 128;

    private static readonly ImmutableSortedDictionary<string, PropertyValue> EmptyItems = ((MapValue)PropertyValue.EmptyMap).Items;

    private static readonly PropertyValue True = new BoolValue(true);
    private static readonly PropertyValue False = new BoolValue(false);

    /// <summary>Reads an <c>inputs</c>/<c>outputs</c> object; null or absent is an empty map.</summary>
    /// <param name="known">
    /// Properties already read (the inputs, when reading outputs): those are skipped. Outputs mostly
    /// repeat inputs, and inference reads inputs first, so keeping both would only cost memory.
    /// </param>
    public PropertyValue ReadProperties(ref Utf8JsonReader reader, PropertySelection selection, PropertyValue known) => reader.TokenType switch
    {
        JsonTokenType.Null => PropertyValue.EmptyMap,
        JsonTokenType.StartObject => ReadObject(ref reader, selection, known as MapValue),
        _ => throw JsonCursor.Unexpected(ref reader, "an object of properties"),
    };

    private PropertyValue Read(ref Utf8JsonReader reader, PropertySelection selection) => reader.TokenType switch
    {
        JsonTokenType.StartObject => ReadObject(ref reader, selection, known: null),
        JsonTokenType.StartArray => ReadList(ref reader, selection),
        JsonTokenType.String => ReadString(ref reader),
        JsonTokenType.Number => ReadNumber(ref reader),
        JsonTokenType.True => True,
        JsonTokenType.False => False,
        _ => PropertyValue.Null,
    };

    private PropertyValue ReadString(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals(Signatures.Unknown))
        {
            return PropertyValue.Unknown;
        }

        if (blindedSecrets && reader.ValueTextEquals(Signatures.BlindedSecret))
        {
            return PropertyValue.Secret;
        }

        return new StringValue(reader.ValueSpan.Length <= InternedLength ? JsonText.Intern(ref reader, pool) : JsonText.Read(ref reader));
    }

    private static NumberValue ReadNumber(ref Utf8JsonReader reader) =>
        reader.TryGetDouble(out var number) && double.IsFinite(number)
            ? new NumberValue(number)
            : throw new JsonContentException("number out of range", reader.TokenStartIndex);

    private PropertyValue ReadList(ref Utf8JsonReader reader, PropertySelection selection)
    {
        // List elements are filtered with the list's own selection (privateNetworks[].pnId).
        var items = ImmutableArray.CreateBuilder<PropertyValue>();
        for (JsonCursor.Next(ref reader); reader.TokenType != JsonTokenType.EndArray; JsonCursor.Next(ref reader))
        {
            path.PushIndex(items.Count);
            items.Add(Read(ref reader, selection));
            path.Pop();
        }

        return new ListValue(items.DrainToImmutable());
    }

    private PropertyValue ReadObject(ref Utf8JsonReader reader, PropertySelection selection, MapValue? known)
    {
        // Maps here have a handful of entries: adding to the shared empty map allocates less than a builder.
        var items = EmptyItems;
        while (JsonCursor.NextProperty(ref reader))
        {
            // Checked before selection: a secret must be recognised even where its keys are not selected.
            if (reader.ValueTextEquals(Signatures.Key))
            {
                return ReadSpecial(ref reader, items);
            }

            if (!selection.TryGetChild(ref reader, pool, out var name, out var child) || known?.Items.ContainsKey(name) == true)
            {
                JsonCursor.SkipProperty(ref reader, path);
                continue;
            }

            path.Push(name);
            JsonCursor.Next(ref reader);
            var value = Read(ref reader, child);
            path.Pop();

            // Where only some keys are selected, an object that kept none of them says nothing.
            if (child.KeepsAll || value is not MapValue { Items.IsEmpty: true })
            {
                items = items.SetItem(name, value);
            }
        }

        return items.IsEmpty ? PropertyValue.EmptyMap : new MapValue(items);
    }

    /// <summary>
    /// The rest of an object that carries Pulumi's signature key (the reader is on that key). Pulumi writes
    /// the key first; <paramref name="before"/> holds what was read when a hand-edited file put it later.
    /// </summary>
    private PropertyValue ReadSpecial(ref Utf8JsonReader reader, ImmutableSortedDictionary<string, PropertyValue> before)
    {
        path.Push(Signatures.KeyName);
        JsonCursor.Next(ref reader);
        var isString = reader.TokenType == JsonTokenType.String;
        var isSecret = isString && reader.ValueTextEquals(Signatures.Secret);
        var isReference = isString && reader.ValueTextEquals(Signatures.ResourceReference);
        reader.Skip();
        path.Pop();

        var urn = before.GetValueOrDefault("urn") as StringValue;
        while (JsonCursor.NextProperty(ref reader))
        {
            if (isReference && reader.ValueTextEquals("urn"u8))
            {
                JsonCursor.Next(ref reader);
                urn = reader.TokenType == JsonTokenType.String ? new StringValue(JsonText.Intern(ref reader, pool)) : null;
            }
            else
            {
                JsonCursor.SkipProperty(ref reader, path);
            }
        }

        return isSecret ? PropertyValue.Secret
            : isReference && urn is not null ? urn
            : PropertyValue.Unknown;
    }
}
