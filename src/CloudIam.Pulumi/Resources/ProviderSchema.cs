using System.Collections.Immutable;
using CloudIam.Pulumi.Yaml;
using YamlDotNet.RepresentationModel;

namespace CloudIam.Pulumi.Resources;

/// <summary>
/// The provider schema subset the program may use (<c>provider-schema.yaml</c>, transcribed from pulumi-facts):
/// a token or property name missing here would be a deploy-time error, so <see cref="Validate"/> finds it first.
/// </summary>
public sealed record ProviderSchema
{
    public required ImmutableArray<PulumiPackage> Packages { get; init; }

    public required ImmutableSortedDictionary<string, ResourceSchema> Resources { get; init; }

    public static ProviderSchema Load()
    {
        using var stream = typeof(ProviderSchema).Assembly.GetManifestResourceStream("provider-schema.yaml")
            ?? throw new InvalidOperationException("provider-schema.yaml is not embedded");
        using var reader = new StreamReader(stream);
        var yaml = new YamlStream();
        yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        return new ProviderSchema
        {
            Packages = [.. ((YamlSequenceNode)root["packages"]).Cast<YamlMappingNode>().Select(package => new PulumiPackage
            {
                Name = Text(package["name"]),
                Version = Text(package["version"]),
                PluginDownloadUrl = package.Children.TryGetValue("pluginDownloadURL", out var url) ? Text(url) : null,
            })],
            Resources = ((YamlMappingNode)root["resources"]).Children
                .ToImmutableSortedDictionary(entry => Text(entry.Key), entry => ResourceSchema.Read(Text(entry.Key), (YamlMappingNode)entry.Value), StringComparer.Ordinal),
        };
    }

    /// <summary>Every unknown token, unknown or missing property, and unknown output read through a reference.</summary>
    public ImmutableArray<string> Validate(PulumiProgram program)
    {
        var problems = ImmutableArray.CreateBuilder<string>();
        var types = program.Resources.ToDictionary(resource => resource.LogicalName, resource => resource.Type, StringComparer.Ordinal);
        foreach (var resource in program.Resources)
        {
            var where = $"resource '{resource.LogicalName}' ({resource.Type})";
            if (!Resources.TryGetValue(resource.Type, out var schema))
            {
                problems.Add($"{where}: unknown type token");
                continue;
            }

            problems.AddRange(schema.Required.Where(name => !resource.Properties.Items.ContainsKey(name))
                .Select(name => $"{where}: missing required property '{name}'"));
            problems.AddRange(schema.UnknownKeys(resource.Properties).Select(path => $"{where}: unknown property '{path}'"));
        }

        var references = program.Resources.SelectMany(resource => resource.Properties.References())
            .Concat(program.Outputs.SelectMany(output => output.Value.References()))
            .OfType<ResourceReference>();
        foreach (var reference in references.Where(reference => reference.Path is not null))
        {
            var output = reference.Path!.Split('.', '[')[0];
            if (Resources.TryGetValue(types[reference.Resource.LogicalName], out var schema) && !schema.HasOutput(output))
            {
                problems.Add($"reference '${{{reference}}}': {schema.Token} has no output '{output}'");
            }
        }

        return [.. problems.Distinct(StringComparer.Ordinal)];
    }

    private static string Text(YamlNode node) => ((YamlScalarNode)node).Value ?? "";

    private static ImmutableArray<string> Names(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var list) ? [.. ((YamlSequenceNode)list).Select(Text)] : [];

    public sealed record ResourceSchema
    {
        public required string Token { get; init; }

        public required ImmutableArray<string> Required { get; init; }

        public required ImmutableArray<string> Inputs { get; init; }

        public required ImmutableArray<string> Outputs { get; init; }

        /// <summary>Property path (<c>vpcConfig</c>, <c>rules.applyServerSideEncryptionByDefault</c>) → its keys.</summary>
        public required ImmutableSortedDictionary<string, ImmutableArray<string>> Objects { get; init; }

        /// <summary>Names pulumi-facts does not list, each checked on <see cref="BeyondFactsSource"/>.</summary>
        public required ImmutableArray<string> BeyondFacts { get; init; }

        public string? BeyondFactsSource { get; init; }

        public bool HasOutput(string name) => name is "id" or "urn" || Inputs.Contains(name) || Outputs.Contains(name);

        internal static ResourceSchema Read(string token, YamlMappingNode node)
        {
            var beyond = node.Children.TryGetValue("beyondFacts", out var beyondNode) ? (YamlMappingNode)beyondNode : null;
            return new ResourceSchema
            {
                Token = token,
                Required = Names(node, "required"),
                Inputs = Names(node, "inputs"),
                Outputs = Names(node, "outputs"),
                Objects = node.Children.TryGetValue("objects", out var objects)
                    ? ((YamlMappingNode)objects).Children.ToImmutableSortedDictionary(
                        entry => Text(entry.Key), entry => (ImmutableArray<string>)[.. ((YamlSequenceNode)entry.Value).Select(Text)], StringComparer.Ordinal)
                    : ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty,
                BeyondFacts = beyond is null ? [] : Names(beyond, "names"),
                BeyondFactsSource = beyond is null ? null : Text(beyond["source"]),
            };
        }

        internal IEnumerable<string> UnknownKeys(ExprMap properties) =>
            properties.Items.Keys.Where(key => !Inputs.Contains(key))
                .Concat(properties.Items.SelectMany(entry => UnknownNestedKeys(entry.Key, entry.Value)));

        private IEnumerable<string> UnknownNestedKeys(string path, Expr value) => value switch
        {
            ExprList list => list.Items.SelectMany(item => UnknownNestedKeys(path, item)),
            ExprMap map when Objects.TryGetValue(path, out var keys) => map.Items.Keys
                .Where(key => !keys.Contains(key))
                .Select(key => $"{path}.{key}")
                .Concat(map.Items.SelectMany(entry => UnknownNestedKeys($"{path}.{entry.Key}", entry.Value))),
            _ => [],
        };
    }
}
