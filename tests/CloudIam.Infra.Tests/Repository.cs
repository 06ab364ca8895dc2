using System.Text.Json;
using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CloudIam.Infra.Tests;

/// <summary>Paths of the repository the tests run in, and the stacks compiled from it.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Stacks => Path.Combine(Root, StackConfigLoader.StacksDirectoryName);

    public static string Fixtures => Path.Combine(Root, "tests", "fixtures", "stacks");

    /// <summary>
    /// pulumi-facts, in <c>shared/reference/</c> beside the repository or one of its parent directories (CI, the
    /// main clone, worktrees); a missing file fails the tests that read it instead of skipping them.
    /// </summary>
    public static string Facts { get; } = FindFacts();

    private static string FindFacts()
    {
        for (var directory = Directory.GetParent(Root); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "shared", "reference", "pulumi-facts.md");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"shared/reference/pulumi-facts.md is not beside {Root} nor any parent directory");
    }

    public static StackConfig Stack(string name) =>
        File.Exists(Path.Combine(Stacks, $"Pulumi.{name}.yaml"))
            ? StackConfigLoader.FromFile(Stacks, name, SiteCatalog.ClusterProviders)
            : StackConfigLoader.FromFile(Fixtures, name, SiteCatalog.ClusterProviders);

    public static PulumiProgram Program(string stack) => CloudIamProgram.Build(Stack(stack));

    /// <summary>PULUMI_CONFIG as Pulumi builds it from a stack file: full key → string, structures as JSON text.</summary>
    public static string PulumiConfig(string stack, params (string Key, string Value)[] secrets)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Repository.Stacks, $"Pulumi.{stack}.yaml"))));
        var config = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["config"];
        var values = config.Children.ToDictionary(
            entry => ((YamlScalarNode)entry.Key).Value!,
            entry => entry.Value is YamlScalarNode scalar ? scalar.Value! : JsonSerializer.Serialize(ToJson(entry.Value)));
        foreach (var (key, value) in secrets)
        {
            values[$"{StackConfigKeys.Namespace}:{key}"] = value;
        }

        return JsonSerializer.Serialize(values);
    }

    private static object? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.ToDictionary(entry => ((YamlScalarNode)entry.Key).Value!, entry => ToJson(entry.Value)),
        YamlSequenceNode list => list.Children.Select(ToJson).ToList(),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar when int.TryParse(scalar.Value, out var number) => number,
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } scalar => scalar.Value == "true",
        YamlScalarNode scalar => scalar.Value,
        _ => null,
    };

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CloudIam.Infra.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the tests do not run inside the repository");
    }
}
