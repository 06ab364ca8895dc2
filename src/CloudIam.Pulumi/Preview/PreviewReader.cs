using System.Collections.Immutable;
using System.Text.Json;
using CloudIam.Placement;
using CloudIam.Pulumi.Graph;
using CloudIam.Pulumi.Hashing;
using CloudIam.Pulumi.Json;

namespace CloudIam.Pulumi.Preview;

/// <summary>
/// Reads <c>pulumi preview --json</c> (a <c>PreviewDigest</c>) into the graph of the design the update
/// would leave behind: the <c>newState</c> of every step that keeps its resource, once per URN.
/// </summary>
public static class PreviewReader
{
    private const string Expected = "the JSON of `pulumi preview --json` ({\"steps\": […]})";

    /// <summary>Steps after which their resource is gone; every other op (including future ones) keeps it.</summary>
    private static readonly NameTable<bool> RemovingOps = new(
        new[] { "delete", "delete-replaced", "discard", "discard-replaced", "remove-pending-replace" }
            .Select(op => KeyValuePair.Create(op, true)));

    /// <inheritdoc cref="State.StackExportReader.Read"/>
    public static ResourceGraph Read(string path, IEnumerable<string>? keepInputs = null) =>
        Parse(JsonDocuments.ReadFile(path), path, keepInputs);

    /// <inheritdoc cref="State.StackExportReader.Parse"/>
    /// <exception cref="BadInputException">The bytes are not a preview digest.</exception>
    public static ResourceGraph Parse(ReadOnlySpan<byte> utf8Json, string source, IEnumerable<string>? keepInputs = null) =>
        JsonDocuments.Parse(utf8Json, source, Expected, (ref Utf8JsonReader reader, JsonPath path) =>
            new PreviewDocument(path, new ResourceReader(path, keepInputs, blindedSecrets: true)).Read(ref reader));

    private sealed class PreviewDocument(JsonPath path, ResourceReader resources)
    {
        private readonly List<PulumiResource> _resources = [];

        /// <summary>
        /// URN → position. A replacement has several steps for one URN: the first fixes the position,
        /// the last state wins.
        /// </summary>
        private readonly Dictionary<string, int> _positions = new(UrnComparer.Instance);

        public ImmutableArray<PulumiResource> Read(ref Utf8JsonReader reader)
        {
            while (JsonCursor.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("steps"u8))
                {
                    path.Push("steps");
                    JsonCursor.Next(ref reader);
                    ReadSteps(ref reader);
                    path.Pop();
                }
                else
                {
                    JsonCursor.SkipProperty(ref reader, path);
                }
            }

            return [.. _resources];
        }

        private void ReadSteps(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return;
            }

            JsonCursor.Expect(ref reader, JsonTokenType.StartArray, "a list of steps");
            var index = 0;
            for (JsonCursor.Next(ref reader); reader.TokenType != JsonTokenType.EndArray; JsonCursor.Next(ref reader))
            {
                path.PushIndex(index++);
                ReadStep(ref reader);
                path.Pop();
            }
        }

        private void ReadStep(ref Utf8JsonReader reader)
        {
            JsonCursor.Expect(ref reader, JsonTokenType.StartObject, "a step object");
            bool? removes = null;
            PulumiResource? state = null;
            while (JsonCursor.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("op"u8))
                {
                    path.Push("op");
                    JsonCursor.Next(ref reader);
                    JsonCursor.Expect(ref reader, JsonTokenType.String, "an operation name");
                    removes = RemovingOps.TryGet(ref reader, out _, out _);
                    path.Pop();
                }
                else if (reader.ValueTextEquals("newState"u8))
                {
                    path.Push("newState");
                    JsonCursor.Next(ref reader);
                    state = reader.TokenType == JsonTokenType.Null ? null : resources.Read(ref reader);
                    path.Pop();
                }
                else
                {
                    JsonCursor.SkipProperty(ref reader, path);
                }
            }

            if (removes is null)
            {
                path.Push("op");
                throw new JsonContentException("the step has no 'op'");
            }

            if (removes is false && state is not null)
            {
                Keep(state);
            }
        }

        private void Keep(PulumiResource state)
        {
            if (_positions.TryGetValue(state.Urn, out var position))
            {
                _resources[position] = state;
            }
            else
            {
                _positions.Add(state.Urn, _resources.Count);
                _resources.Add(state);
            }
        }
    }
}
