using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CloudIam.Pulumi.Graph;

namespace CloudIam.Pulumi.Yaml;

/// <summary>
/// The resource graph Pulumi would record for a compiled program, before anything is deployed: URNs with
/// parent chains, explicit (or default) provider URNs, dependencies and property dependencies from every
/// <c>${…}</c> reference and <c>dependsOn</c>, inputs with references as unknowns and secrets as secrets.
/// Placement inference reads this exactly like a <c>pulumi stack export</c>.
/// </summary>
public static class ProgramGraph
{
    private const string StackType = "pulumi:pulumi:Stack";

    public static ResourceGraph From(PulumiProgram program, string stack)
    {
        var urns = new UrnScheme(stack, program.Name);
        var stackUrn = urns.Urn(StackType, $"{program.Name}-{stack}");
        var declared = new Dictionary<string, (string Urn, string QualifiedType)>(StringComparer.Ordinal);
        var defaultProviders = new HashSet<string>(StringComparer.Ordinal);
        var graph = ImmutableArray.CreateBuilder<PulumiResource>();
        graph.Add(new PulumiResource
        {
            Urn = stackUrn,
            Type = StackType,
            Name = $"{program.Name}-{stack}",
            Custom = false,
            Outputs = ToMap(program.Outputs.Select(output => KeyValuePair.Create(output.Name, Convert(output.Value)))),
        });

        foreach (var resource in program.Resources)
        {
            var options = resource.Options;
            var qualifiedType = options.Parent is { } parent
                ? $"{declared[parent.LogicalName].QualifiedType}${resource.Type}"
                : resource.Type;
            var urn = urns.Urn(qualifiedType, resource.LogicalName);
            declared.Add(resource.LogicalName, (urn, qualifiedType));

            var isProvider = resource.Type.StartsWith(PulumiResource.ProviderTypePrefix, StringComparison.Ordinal);
            var provider = options.Provider is { } explicitProvider
                ? declared[explicitProvider.LogicalName].Urn
                : isProvider ? null : DefaultProvider(resource, urns, defaultProviders, graph);

            var propertyDependencies = resource.Properties.Items
                .Select(property => KeyValuePair.Create(property.Key, ReferencedUrns(property.Value, declared)))
                .Where(property => property.Value.Length > 0)
                .ToImmutableSortedDictionary(StringComparer.Ordinal);
            var dependencies = propertyDependencies.Values.SelectMany(dependency => dependency)
                .Concat(options.DependsOn.Select(dependency => declared[dependency.LogicalName].Urn))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal);

            graph.Add(new PulumiResource
            {
                Urn = urn,
                Type = resource.Type,
                Name = resource.LogicalName,
                Parent = options.Parent is { } parentHandle ? declared[parentHandle.LogicalName].Urn : stackUrn,
                Provider = provider,
                Dependencies = [.. dependencies],
                PropertyDependencies = propertyDependencies,
                Inputs = ToMap(resource.Properties.Items.Select(property => KeyValuePair.Create(property.Key, Convert(property.Value)))
                    .Concat(isProvider ? PluginInputs(options) : [])),
            });
        }

        return new ResourceGraph { Source = $"stack {stack}", Resources = graph.ToImmutable() };
    }

    /// <summary>What an input looks like before the update: literals as is, references unknown, secrets secret.</summary>
    public static PropertyValue Convert(Expr value) => value switch
    {
        StringLiteral literal => new StringValue(literal.Value),
        NumberLiteral number => new NumberValue((double)number.Value),
        BoolLiteral boolean => new BoolValue(boolean.Value),
        NullLiteral => PropertyValue.Null,
        ExprList list => new ListValue([.. list.Items.Select(Convert)]),
        ExprMap map => ToMap(map.Items.Select(entry => KeyValuePair.Create(entry.Key, Convert(entry.Value)))),
        Interpolation interpolation => interpolation.Parts.OfType<ConfigReference>().Any(reference => reference.Key.Secret)
            ? PropertyValue.Secret
            : PropertyValue.Unknown,
        SecretFn => PropertyValue.Secret,
        ToJsonFn json => Computed(Convert(json.Value), Json),
        JoinFn join => Computed(Convert(join.Values), joined => string.Join(join.Delimiter, ((ListValue)joined).Items.Select(Text))),
        _ => throw new ArgumentException($"{value.GetType().Name} is not a program value", nameof(value)),
    };

    /// <summary>A function of its argument: secret if any part is secret, unknown if any is unknown, else computed now.</summary>
    private static PropertyValue Computed(PropertyValue argument, Func<PropertyValue, string> compute) =>
        Contains(argument, PropertyValue.Secret) ? PropertyValue.Secret
        : Contains(argument, PropertyValue.Unknown) ? PropertyValue.Unknown
        : new StringValue(compute(argument));

    private static bool Contains(PropertyValue value, PropertyValue marker) => value == marker || value switch
    {
        ListValue list => list.Items.Any(item => Contains(item, marker)),
        MapValue map => map.Items.Values.Any(item => Contains(item, marker)),
        _ => false,
    };

    private static string Text(PropertyValue value) => value switch
    {
        StringValue text => text.Value,
        _ => Json(value),
    };

    private static string Json(PropertyValue value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteJson(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteJson(Utf8JsonWriter writer, PropertyValue value)
    {
        switch (value)
        {
            case StringValue text:
                writer.WriteStringValue(text.Value);
                break;
            case NumberValue number:
                writer.WriteNumberValue(number.Value);
                break;
            case BoolValue boolean:
                writer.WriteBooleanValue(boolean.Value);
                break;
            case ListValue list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteJson(writer, item);
                }

                writer.WriteEndArray();
                break;
            case MapValue map:
                writer.WriteStartObject();
                foreach (var (key, item) in map.Items)
                {
                    writer.WritePropertyName(key);
                    WriteJson(writer, item);
                }

                writer.WriteEndObject();
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    private static MapValue ToMap(IEnumerable<KeyValuePair<string, PropertyValue>> entries) =>
        new(entries.ToImmutableSortedDictionary(StringComparer.Ordinal));

    private static ImmutableArray<string> ReferencedUrns(Expr value, Dictionary<string, (string Urn, string QualifiedType)> declared) =>
        [.. value.References().OfType<ResourceReference>()
            .Select(reference => declared[reference.Resource.LogicalName].Urn)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    /// <summary>Pulumi records the plugin version (and download URL) among a provider's inputs.</summary>
    private static IEnumerable<KeyValuePair<string, PropertyValue>> PluginInputs(ResourceOptions options)
    {
        if (options.Version is { } version)
        {
            yield return KeyValuePair.Create("version", (PropertyValue)new StringValue(version));
        }

        if (options.PluginDownloadUrl is { } url)
        {
            yield return KeyValuePair.Create("pluginDownloadURL", (PropertyValue)new StringValue(url));
        }
    }

    /// <summary>
    /// The engine's default provider for a resource without an explicit one: one per package, version and
    /// download URL, named <c>default[_1_2_3][_url-as-qname]</c>, recorded before its first user.
    /// </summary>
    private static string DefaultProvider(
        ResourceDeclaration resource, UrnScheme urns, HashSet<string> known, ImmutableArray<PulumiResource>.Builder graph)
    {
        var package = resource.Type[..resource.Type.IndexOf(':', StringComparison.Ordinal)];
        var name = new StringBuilder("default");
        if (resource.Options.Version is { } version)
        {
            name.Append('_').Append(version.Replace('.', '_'));
        }

        if (resource.Options.PluginDownloadUrl is { } url)
        {
            name.Append('_').Append(UrlAsQName(url));
        }

        var type = PulumiResource.ProviderTypePrefix + package;
        var urn = urns.Urn(type, name.ToString());
        if (known.Add(urn))
        {
            graph.Add(new PulumiResource { Urn = urn, Type = type, Name = name.ToString(), Inputs = ToMap(PluginInputs(resource.Options)) });
        }

        return urn;
    }

    /// <summary><c>tokens.IntoQName</c>: characters a QName cannot hold become <c>_</c>, empty segments are dropped.</summary>
    private static string UrlAsQName(string url) => string.Join('/', url
        .Split('/', StringSplitOptions.RemoveEmptyEntries)
        .Select(segment => string.Concat(segment.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '_'))));

    private sealed record UrnScheme(string Stack, string Project)
    {
        public string Urn(string qualifiedType, string name) =>
            string.Create(CultureInfo.InvariantCulture, $"urn:pulumi:{Stack}::{Project}::{qualifiedType}::{name}");
    }
}
