using System.Collections.Immutable;
using System.Text.Json;
using CloudIam.Pulumi.Graph;
using CloudIam.Pulumi.Inference;

namespace CloudIam.Pulumi.Json;

/// <summary>
/// The one parser of Pulumi's <c>ResourceV3</c> JSON, used for <c>pulumi stack export</c> resources and
/// for <c>pulumi preview --json</c> step states alike. Reads the fields placement needs and skips the rest.
/// </summary>
internal sealed class ResourceReader
{
    private static readonly NameTable<Field> Fields = new(
        Enum.GetValues<Field>().Select(field => KeyValuePair.Create(Name(field), field)));

    private static readonly ImmutableSortedDictionary<string, ImmutableArray<string>> NoPropertyDependencies =
        ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty.WithComparers(StringComparer.Ordinal);

    private static readonly PropertySelection InferenceValues = PropertySelection.Of(InferenceInputs.ValuePaths);
    private static readonly PropertySelection InferenceReferences = PropertySelection.Of(InferenceInputs.ReferenceKeys);

    private readonly StringPool _pool = new();
    private readonly JsonPath _path;
    private readonly PropertySelection _values;
    private readonly PropertyValueReader _properties;
    private readonly List<string> _urns = [];

    /// <param name="keepInputs">
    /// Dotted input paths to keep besides what placement inference reads (<c>values.concurrent</c> for a
    /// policy's <c>capacity.property</c>); a bare root such as <c>values</c> keeps the whole value.
    /// </param>
    /// <param name="blindedSecrets">True for preview JSON, where secrets are written as <c>"[secret]"</c>.</param>
    public ResourceReader(JsonPath path, IEnumerable<string>? keepInputs, bool blindedSecrets)
    {
        _path = path;
        _values = keepInputs is null
            ? InferenceValues
            : PropertySelection.Of(InferenceInputs.ValuePaths.Concat(keepInputs.Select(dotted => dotted.Split('.'))));
        _properties = new PropertyValueReader(_pool, path, blindedSecrets);
    }

    private enum Field
    {
        Urn,
        Custom,
        Delete,
        Type,
        Inputs,
        Outputs,
        Parent,
        Provider,
        Dependencies,
        PropertyDependencies,
    }

    /// <summary>
    /// Reads the resource object the reader is on. Returns null for a resource pending deletion
    /// (<c>"delete": true</c>): it is on its way out and is not part of the design.
    /// </summary>
    public PulumiResource? Read(ref Utf8JsonReader reader)
    {
        JsonCursor.Expect(ref reader, JsonTokenType.StartObject, "a resource object");
        var resource = new Draft();
        while (JsonCursor.NextProperty(ref reader))
        {
            if (!Fields.TryGet(ref reader, out var name, out var field))
            {
                JsonCursor.SkipProperty(ref reader, _path);
                continue;
            }

            _path.Push(name);
            JsonCursor.Next(ref reader);
            ReadField(ref reader, field, ref resource);
            _path.Pop();
        }

        var urn = resource.Urn ?? throw Missing(Field.Urn);
        var type = resource.Type ?? throw Missing(Field.Type);
        return resource.Delete ? null : new PulumiResource
        {
            Urn = urn,
            Type = type,
            Name = resource.Name!,
            Custom = resource.Custom,
            Parent = resource.Parent,
            Provider = resource.Provider,
            Dependencies = resource.Dependencies,
            PropertyDependencies = resource.PropertyDependencies,
            Inputs = resource.Inputs,
            Outputs = resource.Outputs,
        };
    }

    private void ReadField(ref Utf8JsonReader reader, Field field, ref Draft resource)
    {
        switch (field)
        {
            case Field.Urn:
                JsonCursor.Expect(ref reader, JsonTokenType.String, "a URN string");
                resource.Urn = JsonText.Intern(ref reader, _pool);
                resource.Name = Urns.NameOf(resource.Urn);
                break;
            case Field.Type:
                JsonCursor.Expect(ref reader, JsonTokenType.String, "a type token string");
                resource.Type = JsonText.Intern(ref reader, _pool);
                break;
            case Field.Custom:
                resource.Custom = JsonCursor.Bool(ref reader);
                break;
            case Field.Delete:
                resource.Delete = JsonCursor.Bool(ref reader);
                break;
            case Field.Parent:
                resource.Parent = JsonCursor.OptionalString(ref reader, _pool) is { Length: > 0 } parent ? parent : null;
                break;
            case Field.Provider:
                resource.Provider = ReadProviderReference(ref reader);
                break;
            case Field.Dependencies:
                resource.Dependencies = ReadUrns(ref reader);
                break;
            case Field.PropertyDependencies:
                resource.PropertyDependencies = ReadPropertyDependencies(ref reader);
                break;
            case Field.Inputs:
                resource.Inputs = _properties.ReadProperties(ref reader, _values, PropertyValue.EmptyMap);
                break;
            case Field.Outputs:
                resource.Outputs = _properties.ReadProperties(ref reader, _values, resource.Inputs);
                break;
        }
    }

    /// <summary><c>"&lt;provider URN&gt;::&lt;provider ID&gt;"</c>; the URN is kept, split at the last <c>::</c>.</summary>
    private string? ReadProviderReference(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null || reader.ValueSpan.IsEmpty)
        {
            return null;
        }

        JsonCursor.Expect(ref reader, JsonTokenType.String, "a provider reference string");
        string? urn;
        if (reader.ValueIsEscaped)
        {
            var reference = JsonText.Read(ref reader);
            var separator = reference.LastIndexOf("::", StringComparison.Ordinal);
            urn = separator < 0 ? null : _pool.Intern(reference[..separator]);
        }
        else
        {
            var separator = reader.ValueSpan.LastIndexOf("::"u8);
            urn = separator < 0 ? null : JsonText.Intern(ref reader, _pool, reader.ValueSpan[..separator]);
        }

        return urn is not null && Urns.IsUrn(urn)
            ? urn
            : throw new JsonContentException($"'{JsonText.Read(ref reader)}' is not a provider reference (<provider URN>::<provider ID>)");
    }

    private ImmutableArray<string> ReadUrns(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }

        JsonCursor.Expect(ref reader, JsonTokenType.StartArray, "a list of URNs");
        _urns.Clear();
        for (JsonCursor.Next(ref reader); reader.TokenType != JsonTokenType.EndArray; JsonCursor.Next(ref reader))
        {
            _path.PushIndex(_urns.Count);
            JsonCursor.Expect(ref reader, JsonTokenType.String, "a URN string");
            _urns.Add(JsonText.Intern(ref reader, _pool));
            _path.Pop();
        }

        return [.. _urns];
    }

    private ImmutableSortedDictionary<string, ImmutableArray<string>> ReadPropertyDependencies(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return NoPropertyDependencies;
        }

        JsonCursor.Expect(ref reader, JsonTokenType.StartObject, "an object of input name → URNs");
        ImmutableSortedDictionary<string, ImmutableArray<string>>.Builder? result = null;
        while (JsonCursor.NextProperty(ref reader))
        {
            if (!InferenceReferences.TryGetChild(ref reader, _pool, out var name, out _))
            {
                JsonCursor.SkipProperty(ref reader, _path);
                continue;
            }

            _path.Push(name);
            JsonCursor.Next(ref reader);
            result ??= NoPropertyDependencies.ToBuilder();
            result[name] = ReadUrns(ref reader);
            _path.Pop();
        }

        return result?.ToImmutable() ?? NoPropertyDependencies;
    }

    private JsonContentException Missing(Field field)
    {
        _path.Push(Name(field));
        return new JsonContentException($"the resource has no '{Name(field)}'");
    }

    private static string Name(Field field) => JsonNamingPolicy.CamelCase.ConvertName(field.ToString());

    /// <summary>Fields as read, before the required ones are checked.</summary>
    private struct Draft()
    {
        public string? Urn { get; set; }

        public string? Name { get; set; }

        public string? Type { get; set; }

        /// <summary>Absent counts as custom: an unexpected resource is then checked rather than dropped as a component.</summary>
        public bool Custom { get; set; } = true;

        public bool Delete { get; set; }

        public string? Parent { get; set; }

        public string? Provider { get; set; }

        public ImmutableArray<string> Dependencies { get; set; } = [];

        public ImmutableSortedDictionary<string, ImmutableArray<string>> PropertyDependencies { get; set; } = NoPropertyDependencies;

        public PropertyValue Inputs { get; set; } = PropertyValue.EmptyMap;

        public PropertyValue Outputs { get; set; } = PropertyValue.EmptyMap;
    }
}
