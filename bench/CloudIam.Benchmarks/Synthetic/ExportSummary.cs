using System.Text.Json;

namespace CloudIam.Benchmarks.Synthetic;

/// <summary>
/// A self-check of a generated export, independent of the product's reader: every reference points
/// at an earlier resource, URNs are unique, and each capability tag lands where the table says.
/// </summary>
internal sealed record ExportSummary(int Resources, IReadOnlyDictionary<string, CapabilityCount> Capabilities)
{
    private const string CapabilityKey = "cloudiam.io/capability";
    private const string SiteKey = "cloudiam.io/site";

    /// <exception cref="InvalidDataException">The export is inconsistent.</exception>
    public static ExportSummary Of(byte[] export)
    {
        using var document = JsonDocument.Parse(export);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var capabilities = new SortedDictionary<string, CapabilityCount>(StringComparer.Ordinal);
        foreach (var resource in document.RootElement.GetProperty("deployment").GetProperty("resources").EnumerateArray())
        {
            var urn = resource.GetProperty("urn").GetString()!;
            foreach (var reference in References(resource))
            {
                if (!seen.Contains(reference))
                {
                    throw new InvalidDataException($"{urn} references {reference}, which is not an earlier resource");
                }
            }

            if (!seen.Add(urn))
            {
                throw new InvalidDataException($"duplicate URN {urn}");
            }

            if (resource.TryGetProperty("inputs", out var inputs) && Tag(inputs) is { } tag)
            {
                var count = capabilities.TryGetValue(tag.Capability, out var known) ? known : new CapabilityCount(0, []);
                count.Sites.Add(tag.Site);
                capabilities[tag.Capability] = count with { Instances = count.Instances + 1 };
            }
        }

        return new ExportSummary(seen.Count, capabilities);
    }

    private static IEnumerable<string> References(JsonElement resource)
    {
        if (resource.TryGetProperty("parent", out var parent))
        {
            yield return parent.GetString()!;
        }

        if (resource.TryGetProperty("provider", out var provider))
        {
            var reference = provider.GetString()!;
            yield return reference[..reference.LastIndexOf("::", StringComparison.Ordinal)];
        }

        if (resource.TryGetProperty("dependencies", out var dependencies))
        {
            foreach (var dependency in dependencies.EnumerateArray())
            {
                yield return dependency.GetString()!;
            }
        }

        if (resource.TryGetProperty("propertyDependencies", out var propertyDependencies))
        {
            foreach (var property in propertyDependencies.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array))
            {
                foreach (var dependency in property.Value.EnumerateArray())
                {
                    yield return dependency.GetString()!;
                }
            }
        }
    }

    /// <summary>The capability tag in any of the four places the generator puts it, with the site tag next to it.</summary>
    private static (string Capability, string Site)? Tag(JsonElement inputs)
    {
        foreach (var path in new[] { new[] { "metadata", "labels" }, ["values", "commonLabels"], ["tags"] })
        {
            var element = inputs;
            if (!path.All(segment => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(segment, out element)))
            {
                continue;
            }

            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(CapabilityKey, out var capability))
            {
                return (capability.GetString()!, element.TryGetProperty(SiteKey, out var site) ? site.GetString()! : "?");
            }

            if (element.ValueKind == JsonValueKind.Array)
            {
                var tags = element.EnumerateArray().Select(tag => tag.GetString()!.Split('=', 2)).Where(pair => pair.Length == 2).ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
                if (tags.TryGetValue(CapabilityKey, out var listed))
                {
                    return (listed, tags.GetValueOrDefault(SiteKey, "?"));
                }
            }
        }

        return null;
    }
}

internal sealed record CapabilityCount(int Instances, SortedSet<string> Sites);
