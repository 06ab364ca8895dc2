using System.Reflection;
using CloudIam.Infra.Components;
using CloudIam.Pulumi.Resources;
using CloudIam.Pulumi.Yaml;
using YamlDotNet.RepresentationModel;

namespace CloudIam.Infra.Tests;

public class ProviderSchemaTests
{
    private static readonly ProviderSchema Schema = ProviderSchema.Load();

    [Theory]
    [MemberData(nameof(CloudIamProgramTests.Stacks), MemberType = typeof(CloudIamProgramTests))]
    public void Every_emitted_token_property_and_output_is_in_the_schema(string stack)
    {
        Assert.Empty(Schema.Validate(Repository.Program(stack)));
    }

    [Fact]
    public void Every_args_record_matches_its_schema_entry()
    {
        var argsTypes = typeof(IResourceArgs).Assembly.GetTypes()
            .Where(type => type.IsClass && typeof(IResourceArgs).IsAssignableFrom(type)).ToList();

        Assert.NotEmpty(argsTypes);
        Assert.All(argsTypes, type =>
        {
            var token = (string)type.GetProperty(nameof(IResourceArgs.Token), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            Assert.True(Schema.Resources.TryGetValue(token, out var schema), $"{type.Name}: {token} is not in the schema");
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                Assert.Contains(char.ToLowerInvariant(property.Name[0]) + property.Name[1..], schema.Inputs);
            }
        });
    }

    [Fact]
    public void Package_versions_agree_in_code_schema_and_lock_files()
    {
        Assert.Equal(PulumiPackages.All.AsEnumerable(), Schema.Packages.AsEnumerable());
        foreach (var package in PulumiPackages.All)
        {
            var lockFile = Path.Combine(Repository.Root, "sdks", package.Name, $"{package.Name}-{package.Version}.yaml");
            var root = Parse(lockFile);
            Assert.Equal("1", Text(root, "packageDeclarationVersion"));
            Assert.Equal(package.Name, Text(root, "name"));
            Assert.Equal(package.Version, Text(root, "version"));
            Assert.Equal(package.PluginDownloadUrl, root.Children.ContainsKey("downloadUrl") ? Text(root, "downloadUrl") : null);
        }
    }

    [Fact]
    public void Every_schema_entry_and_chart_version_appears_in_pulumi_facts()
    {
        var facts = File.ReadAllText(Repository.Facts);
        foreach (var (token, schema) in Schema.Resources)
        {
            var names = schema.Inputs.Concat(schema.Outputs).Concat(schema.Objects.Keys.SelectMany(key => key.Split('.')))
                .Concat(schema.Objects.Values.SelectMany(keys => keys)).Append(token)
                .Except(schema.BeyondFacts);
            Assert.All(names, name => Assert.True(facts.Contains(name, StringComparison.Ordinal), $"{token}: '{name}' is not in pulumi-facts"));
            Assert.True(schema.BeyondFacts.IsEmpty || schema.BeyondFactsSource?.StartsWith("https://", StringComparison.Ordinal) == true, token);
        }

        Assert.All(PulumiPackages.All, package => Assert.Contains($"**{package.Version}**", facts, StringComparison.Ordinal));
        // Every chart the program declares, so a chart added to HelmCharts is checked without editing this test.
        var charts = typeof(HelmCharts).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(property => property.PropertyType == typeof(HelmChart))
            .Select(property => (HelmChart)property.GetValue(null)!)
            .ToList();
        Assert.Contains(HelmCharts.Gatus, charts);
        // A chart beyond pulumi-facts carries its own facts file, read from the chart's repository at its release tag.
        Assert.All(charts, chart =>
        {
            var ownFacts = Path.Combine(Repository.Root, "charts", $"{chart.Name}-{chart.Version}.yaml");
            if (!facts.Contains($"`{chart.Name}`", StringComparison.Ordinal))
            {
                Assert.True(File.Exists(ownFacts), $"{chart.Name} {chart.Version} is neither in pulumi-facts nor in charts/");
                Assert.Matches(@"commit: [0-9a-f]{40}", File.ReadAllText(ownFacts));
                return;
            }

            Assert.Contains(chart.Version, facts, StringComparison.Ordinal);
            Assert.Contains(chart.Repository, facts, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Pulumi_yaml_runs_the_compiler_and_declares_every_secret()
    {
        var project = Parse(Path.Combine(Repository.Root, "Pulumi.yaml"));

        Assert.Equal(CloudIamProgram.ProjectName, Text(project, "name"));
        Assert.Equal("yaml", Text(project, "runtime", "name"));
        Assert.Equal("stacks", Text(project, "stackConfigDir"));
        var compiler = Text(project, "runtime", "options", "compiler")!;
        var script = Path.Combine(Repository.Root, compiler);
        Assert.True(File.Exists(script), compiler);
        if (!OperatingSystem.IsWindows())
        {
            Assert.True((File.GetUnixFileMode(script) & UnixFileMode.UserExecute) != 0, $"{compiler} is not executable");
        }
        var config = (YamlMappingNode)project["config"];
        var secrets = new[] { "prod", "staging" }.SelectMany(stack => Repository.Stack(stack).SecretKeys).Distinct();
        Assert.All(secrets, key =>
        {
            Assert.Equal("string", Text(config, key, "type"));
            Assert.Equal("true", Text(config, key, "secret"));
        });
    }

    private static YamlMappingNode Parse(string path)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(path)));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static string? Text(YamlMappingNode node, params string[] path) =>
        ((YamlScalarNode)path.Aggregate((YamlNode)node, (current, key) => ((YamlMappingNode)current)[key])).Value;
}
