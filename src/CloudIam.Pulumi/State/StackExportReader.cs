using System.Collections.Immutable;
using System.Text.Json;
using CloudIam.Placement;
using CloudIam.Pulumi.Graph;
using CloudIam.Pulumi.Json;

namespace CloudIam.Pulumi.State;

/// <summary>
/// Reads the output of <c>pulumi stack export</c> (an <c>UntypedDeployment</c>) into a resource graph,
/// streaming over the bytes and keeping only what placement needs.
/// </summary>
public static class StackExportReader
{
    private const string Expected = "the JSON of `pulumi stack export` ({\"version\": 3, \"deployment\": {…}})";

    /// <param name="keepInputs">
    /// Dotted input paths to keep besides those inference reads, e.g. a policy's <c>capacity.property</c>
    /// (<c>values.concurrent</c>); a bare root such as <c>values</c> keeps the whole value.
    /// </param>
    /// <exception cref="BadInputException">The file is missing, unreadable or not a supported export.</exception>
    public static ResourceGraph Read(string path, IEnumerable<string>? keepInputs = null) =>
        Parse(JsonDocuments.ReadFile(path), path, keepInputs);

    /// <param name="source">Names the input in errors and in the graph, usually the file path.</param>
    /// <exception cref="BadInputException">The bytes are not a supported export.</exception>
    public static ResourceGraph Parse(ReadOnlySpan<byte> utf8Json, string source, IEnumerable<string>? keepInputs = null) =>
        JsonDocuments.Parse(utf8Json, source, Expected, (ref Utf8JsonReader reader, JsonPath path) =>
            new ExportDocument(path, new ResourceReader(path, keepInputs, blindedSecrets: false)).Read(ref reader));

    /// <summary>One pass over the top-level object; the version is checked before the resources are read.</summary>
    private sealed class ExportDocument(JsonPath path, ResourceReader resources)
    {
        private int? _version;
        private string[] _features = [];

        public ImmutableArray<PulumiResource> Read(ref Utf8JsonReader reader)
        {
            ImmutableArray<PulumiResource>? result = null;
            while (JsonCursor.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("deployment"u8))
                {
                    if (_version is null)
                    {
                        // Pulumi writes the version first; a reordered file is looked ahead so that an
                        // unsupported version is reported as such, not as whatever its deployment breaks.
                        ReadHeaderAhead(reader);
                    }

                    CheckVersion();
                    path.Push("deployment");
                    JsonCursor.Next(ref reader);
                    result = ReadDeployment(ref reader);
                    path.Pop();
                }
                else if (!TryReadHeader(ref reader))
                {
                    JsonCursor.SkipProperty(ref reader, path);
                }
            }

            CheckVersion();
            if (result is null)
            {
                path.Push("deployment");
                throw new JsonContentException($"missing 'deployment'; expected {Expected}");
            }

            return result.Value;
        }

        private void ReadHeaderAhead(Utf8JsonReader probe)
        {
            probe.Skip();
            while (JsonCursor.NextProperty(ref probe))
            {
                if (!TryReadHeader(ref probe))
                {
                    probe.Skip();
                }
            }
        }

        private bool TryReadHeader(ref Utf8JsonReader reader)
        {
            if (reader.ValueTextEquals("version"u8))
            {
                path.Push("version");
                JsonCursor.Next(ref reader);
                _version = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var version)
                    ? version
                    : throw JsonCursor.Unexpected(ref reader, "a whole number");
                path.Pop();
                return true;
            }

            if (reader.ValueTextEquals("features"u8))
            {
                path.Push("features");
                JsonCursor.Next(ref reader);
                _features = ReadFeatures(ref reader);
                path.Pop();
                return true;
            }

            return false;
        }

        private static string[] ReadFeatures(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return [];
            }

            JsonCursor.Expect(ref reader, JsonTokenType.StartArray, "a list of feature names");
            var features = new List<string>();
            for (JsonCursor.Next(ref reader); reader.TokenType != JsonTokenType.EndArray; JsonCursor.Next(ref reader))
            {
                features.Add(reader.TokenType == JsonTokenType.String ? JsonText.Read(ref reader) : "?");
            }

            return [.. features];
        }

        /// <summary>
        /// Version 3 is what the CLI writes; version 4 has the same shape and exists only to list required
        /// features, and a reader must refuse features it does not know — this one knows none.
        /// </summary>
        private void CheckVersion()
        {
            if (_version is not { } version)
            {
                path.Push("version");
                throw new JsonContentException($"missing 'version'; expected {Expected}");
            }

            if (_features.Length > 0)
            {
                path.Push("features");
                throw new JsonContentException(
                    $"the state requires features this reader does not support: {string.Join(", ", _features)}");
            }

            if (version is not (3 or 4))
            {
                path.Push("version");
                throw new JsonContentException(
                    $"unsupported state version {version}; this reader understands version 3 (and 4 without features)");
            }
        }

        private ImmutableArray<PulumiResource> ReadDeployment(ref Utf8JsonReader reader)
        {
            JsonCursor.Expect(ref reader, JsonTokenType.StartObject, "the deployment object");
            var result = ImmutableArray<PulumiResource>.Empty;
            while (JsonCursor.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("resources"u8))
                {
                    path.Push("resources");
                    JsonCursor.Next(ref reader);
                    result = ReadResources(ref reader);
                    path.Pop();
                }
                else
                {
                    JsonCursor.SkipProperty(ref reader, path);
                }
            }

            return result;
        }

        private ImmutableArray<PulumiResource> ReadResources(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return [];
            }

            JsonCursor.Expect(ref reader, JsonTokenType.StartArray, "a list of resources");
            var result = ImmutableArray.CreateBuilder<PulumiResource>();
            // The reader interns every URN, so one URN is one string instance.
            var urns = new HashSet<string>(ReferenceEqualityComparer.Instance);
            var index = 0;
            for (JsonCursor.Next(ref reader); reader.TokenType != JsonTokenType.EndArray; JsonCursor.Next(ref reader))
            {
                path.PushIndex(index++);
                if (resources.Read(ref reader) is { } resource)
                {
                    if (!urns.Add(resource.Urn))
                    {
                        path.Push("urn");
                        throw new JsonContentException($"a second live resource has the URN '{resource.Urn}'");
                    }

                    result.Add(resource);
                }

                path.Pop();
            }

            return result.DrainToImmutable();
        }
    }
}
