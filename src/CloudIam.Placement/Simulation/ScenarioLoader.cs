using System.Collections.Immutable;
using CloudIam.Placement.Input;
using YamlDotNet.RepresentationModel;

namespace CloudIam.Placement.Simulation;

public static class ScenarioLoader
{
    private static readonly ImmutableArray<string> Keys = ["name", "description", "reference", "outage"];

    public static Scenario Load(string path) => Read(YamlInput.LoadFile(path, "scenario"), path);

    public static Scenario Parse(string yaml, string source) => Read(YamlInput.Load(new StringReader(yaml), source), source);

    private static Scenario Read(YamlStream stream, string source)
    {
        var root = stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode
            ?? throw new BadInputException(source, "line 1, column 1", "a scenario is a mapping with 'name' and 'outage'");

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
