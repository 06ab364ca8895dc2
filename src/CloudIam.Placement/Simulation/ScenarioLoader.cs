using System.Collections.Immutable;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CloudIam.Placement.Simulation;

public static class ScenarioLoader
{
    private static readonly ImmutableArray<string> Keys = ["name", "description", "reference", "outage"];

    public static Scenario Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new BadInputException(path, "scenario file not found");
        }

        return Parse(File.ReadAllText(path), path);
    }

    public static Scenario Parse(string yaml, string source)
    {
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            root = stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode
                ?? throw new BadInputException(source, "line 1, column 1", "a scenario is a mapping with 'name' and 'outage'");
        }
        catch (YamlException e)
        {
            throw new BadInputException(source, $"line {e.Start.Line}, column {e.Start.Column}", e.InnerException?.Message ?? e.Message);
        }

        foreach (var key in root.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name } || !Keys.Contains(name))
            {
                throw new BadInputException(source, At(key), $"unknown key '{key}'; a scenario has {string.Join(", ", Keys)}");
            }
        }

        var outage = Child(root, "outage") is YamlSequenceNode { Children.Count: > 0 } list
            ? list.Children.Select(node => node is YamlScalarNode { Value: { Length: > 0 } id }
                ? id
                : throw new BadInputException(source, At(node), "each outage entry is a failure-domain identifier such as scaleway/fr-par/svc:dhcp")).ToImmutableArray()
            : throw new BadInputException(source, At(Child(root, "outage") ?? root), "'outage' must be a non-empty list of failure domains");

        return new Scenario
        {
            Name = Scalar(root, "name") ?? throw new BadInputException(source, At(root), "missing 'name'"),
            Description = Scalar(root, "description"),
            Reference = Scalar(root, "reference"),
            Outage = outage,
            Source = source,
        };
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    private static string At(YamlNode node) => $"line {node.Start.Line}, column {node.Start.Column}";
}
