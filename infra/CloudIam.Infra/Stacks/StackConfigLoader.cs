using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using CloudIam.Placement;
using CloudIam.Placement.Input;
using CloudIam.Pulumi.Watching;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CloudIam.Infra.Stacks;

/// <summary>
/// Reads stack config from <c>stacks/Pulumi.&lt;stack&gt;.yaml</c> (offline runs, plugin discovery) or from the
/// <c>PULUMI_STACK</c>/<c>PULUMI_CONFIG</c> environment Pulumi gives the compiler. Every mistake is a
/// <see cref="BadInputException"/> naming the file (or PULUMI_CONFIG) and where in it.
/// </summary>
public static partial class StackConfigLoader
{
    /// <summary>The <c>stackConfigDir</c> of Pulumi.yaml, relative to the project root.</summary>
    public const string StacksDirectoryName = "stacks";

    /// <summary>The stack used when Pulumi runs the compiler for plugin discovery, without any PULUMI_* variable.</summary>
    public const string DefaultStack = "prod";

    private const string ConfigVariable = "PULUMI_CONFIG";

    public static StackConfig FromFile(string stacksDirectory, string stack, ClusterProviders providers)
    {
        var path = Path.Combine(stacksDirectory, $"Pulumi.{stack}.yaml");
        if (!StackNamePattern().IsMatch(stack) || !File.Exists(path))
        {
            var known = KnownStacks(stacksDirectory);
            throw new BadInputException(path, $"no config for stack '{stack}'; known stacks: {(known.IsEmpty ? "none" : string.Join(", ", known))}");
        }

        var root = ReadYaml(path, "stack config");

        if (root is not ConfigMap document)
        {
            throw new BadInputException(path, root.Location, "a stack file must be a map with a 'config' key");
        }

        var config = document.Entries.FirstOrDefault(entry => entry.Key == "config").Value ?? new ConfigMap([], document.Location);
        if (config is not ConfigMap keys)
        {
            throw new BadInputException(path, config.Location, "'config' must be a map of namespaced keys");
        }

        var secretsProvider = document.Entries.FirstOrDefault(entry => entry.Key == "secretsprovider").Value as ConfigScalar;
        return new StackConfigBinder(path, providers).Bind(stack, ProjectKeys(path, keys), secretsDecrypted: false) with { SecretsProvider = secretsProvider?.Value };
    }

    /// <summary>
    /// A deployments file (<c>--deployments</c>): the customer deployments and receiver hosts a design read from an
    /// export or a preview is checked against, in the stack config's format (README, "Reading real designs").
    /// </summary>
    public static WatchList WatchListFromFile(string path, ClusterProviders providers)
    {
        if (!File.Exists(path))
        {
            throw new BadInputException(path, "deployments file not found");
        }

        return new StackConfigBinder(path, providers).BindWatchList(ReadYaml(path, "deployments file"));
    }

    private static ConfigNode ReadYaml(string path, string what)
    {
        var yaml = YamlInput.LoadFile(path, what);
        return yaml.Documents.Count == 0 ? new ConfigMap([], "line 1, column 1") : FromYaml(path, yaml.Documents[0].RootNode);
    }

    /// <summary>
    /// The config Pulumi passes when it runs the compiler; without <c>PULUMI_CONFIG</c> (plugin discovery,
    /// <c>pulumi about</c>) the stack file of <c>PULUMI_STACK</c>, or of <see cref="DefaultStack"/>, is read instead.
    /// </summary>
    /// <param name="rootDirectory">Project root used when <c>PULUMI_ROOT_DIRECTORY</c> is not set.</param>
    public static StackConfig FromEnvironment(IReadOnlyDictionary<string, string> environment, string rootDirectory, ClusterProviders providers)
    {
        var stack = environment.GetValueOrDefault("PULUMI_STACK") is { Length: > 0 } named ? named : DefaultStack;
        if (!environment.TryGetValue(ConfigVariable, out var json))
        {
            var root = environment.GetValueOrDefault("PULUMI_ROOT_DIRECTORY") is { Length: > 0 } pulumiRoot ? pulumiRoot : rootDirectory;
            return FromFile(Path.Combine(root, StacksDirectoryName), stack, providers);
        }

        ConfigMap keys;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new BadInputException(ConfigVariable, "$", "must be a JSON object of config key → string");
            }

            keys = new ConfigMap([.. document.RootElement.EnumerateObject().Select(property =>
                KeyValuePair.Create(property.Name, EnvironmentValue(property)))], "$");
        }
        catch (JsonException e)
        {
            throw new BadInputException(ConfigVariable, $"line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}", $"not valid JSON: {e.Message}");
        }

        return new StackConfigBinder(ConfigVariable, providers).Bind(stack, ProjectKeys(ConfigVariable, keys), secretsDecrypted: true);
    }

    public static ImmutableArray<string> KnownStacks(string stacksDirectory) =>
        Directory.Exists(stacksDirectory)
            ? [.. Directory.EnumerateFiles(stacksDirectory, "Pulumi.*.yaml")
                .Select(file => Path.GetFileName(file)["Pulumi.".Length..^".yaml".Length])
                .Order(StringComparer.Ordinal)]
            : [];

    /// <summary>The project namespace's keys with the namespace stripped; other namespaces (aws:, scaleway:) are not ours.</summary>
    private static ConfigMap ProjectKeys(string source, ConfigMap config)
    {
        const string prefix = StackConfigKeys.Namespace + ":";
        if (config.Entries.FirstOrDefault(entry => !entry.Key.Contains(':', StringComparison.Ordinal)) is { Key: not null } bare)
        {
            throw new BadInputException(source, bare.Value.Location, $"config key '{bare.Key}' lacks its namespace, e.g. '{prefix}{bare.Key}'");
        }

        return new ConfigMap(
            [.. config.Entries.Where(entry => entry.Key.StartsWith(prefix, StringComparison.Ordinal))
                .Select(entry => KeyValuePair.Create(entry.Key[prefix.Length..], entry.Value))],
            config.Location);
    }

    private static ConfigNode FromYaml(string path, YamlNode node) => node switch
    {
        YamlMappingNode { Children.Count: 1 } map when map.Children.Keys.Single() is YamlScalarNode { Value: "secure" } =>
            new ConfigSecure(YamlInput.Location(node.Start)),
        YamlMappingNode map => new ConfigMap(
            [.. map.Children.Select(entry => KeyValuePair.Create(
                entry.Key is YamlScalarNode { Value: { } key } ? key : throw new BadInputException(path, YamlInput.Location(entry.Key.Start), "keys must be text"),
                FromYaml(path, entry.Value)))],
            YamlInput.Location(node.Start)),
        YamlSequenceNode list => new ConfigList([.. list.Children.Select(item => FromYaml(path, item))], YamlInput.Location(node.Start)),
        YamlScalarNode scalar => new ConfigScalar(scalar.Value ?? "", scalar.Style is not ScalarStyle.Plain, YamlInput.Location(node.Start)),
        _ => throw new BadInputException(path, YamlInput.Location(node.Start), "anchors and aliases are not supported"),
    };

    /// <summary>Values are strings; structured ones (lists, maps) are JSON text inside the string.</summary>
    private static ConfigNode EnvironmentValue(JsonProperty property)
    {
        var location = $"$[\"{property.Name}\"]";
        if (property.Value.ValueKind != JsonValueKind.String)
        {
            throw new BadInputException(ConfigVariable, location, "values must be strings");
        }

        var text = property.Value.GetString()!;
        if (!text.StartsWith('[') && !text.StartsWith('{'))
        {
            return new ConfigScalar(text, Quoted: true, location);
        }

        try
        {
            using var structured = JsonDocument.Parse(text);
            return FromJson(structured.RootElement, location);
        }
        catch (JsonException e)
        {
            throw new BadInputException(ConfigVariable, location, $"not valid JSON: {e.Message}");
        }
    }

    private static ConfigNode FromJson(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.Object when element.EnumerateObject().Select(property => property.Name).SequenceEqual(["secure"]) => new ConfigSecure(path),
        JsonValueKind.Object => new ConfigMap(
            [.. element.EnumerateObject().Select(property => KeyValuePair.Create(property.Name, FromJson(property.Value, $"{path}.{property.Name}")))], path),
        JsonValueKind.Array => new ConfigList([.. element.EnumerateArray().Select((item, i) => FromJson(item, $"{path}[{i}]"))], path),
        JsonValueKind.String => new ConfigScalar(element.GetString()!, Quoted: true, path),
        JsonValueKind.Null => new ConfigScalar("", Quoted: false, path),
        _ => new ConfigScalar(element.GetRawText(), Quoted: false, path),
    };

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex StackNamePattern();
}
