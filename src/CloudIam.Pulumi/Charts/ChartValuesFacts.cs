using System.Collections.Frozen;
using System.Collections.Immutable;
using CloudIam.Placement;
using CloudIam.Pulumi.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CloudIam.Pulumi.Charts;

/// <summary>Where a chart's facts were read: repository, release tag, commit and file.</summary>
public sealed record ChartSource
{
    public required string Repository { get; init; }

    public required string Tag { get; init; }

    public required string Commit { get; init; }

    public required string Path { get; init; }
}

/// <summary>
/// The values paths one chart reads at one version (<c>charts/&lt;chart&gt;-&lt;version&gt;.yaml</c>): dotted paths, a
/// list's item fields as <c>path[].field</c>. A value set at a path the chart does not read is silently ignored by
/// Helm, so a misspelled key would deploy without the setting; <see cref="UnknownPaths"/> finds it before.
/// </summary>
public sealed record ChartValuesFacts
{
    public const string FileFormat = "charts/<chart>-<version>.yaml";

    public required string Chart { get; init; }

    public required string Version { get; init; }

    public required ChartSource Source { get; init; }

    public required FrozenSet<string> Keys { get; init; }

    /// <summary>Subtrees the chart passes through verbatim (configuration files, label maps): any key below is valid.</summary>
    public required ImmutableArray<string> Freeform { get; init; }

    public static string FileName(string chart, string version) => $"{chart}-{version}.yaml";

    public static ChartValuesFacts Load(string path)
    {
        YamlMappingNode root;
        try
        {
            var yaml = new YamlStream();
            using (var reader = File.OpenText(path))
            {
                yaml.Load(reader);
            }

            root = yaml.Documents.FirstOrDefault()?.RootNode as YamlMappingNode ?? throw new BadInputException(path, "line 1", "expected a mapping");
        }
        catch (YamlException error)
        {
            throw new BadInputException(path, $"line {error.Start.Line}", error.Message);
        }
        catch (IOException error)
        {
            throw new BadInputException(path, error.Message);
        }

        var source = Field<YamlMappingNode>(path, root, "source");
        return new ChartValuesFacts
        {
            Chart = Scalar(path, root, "chart"),
            Version = Scalar(path, root, "version"),
            Source = new ChartSource
            {
                Repository = Scalar(path, source, "repository"),
                Tag = Scalar(path, source, "tag"),
                Commit = Scalar(path, source, "commit"),
                Path = Scalar(path, source, "path"),
            },
            Keys = Field<YamlSequenceNode>(path, root, "keys").Select(node => ((YamlScalarNode)node).Value ?? "").ToFrozenSet(StringComparer.Ordinal),
            Freeform = [.. Field<YamlSequenceNode>(path, root, "freeform").Select(node => ((YamlScalarNode)node).Value ?? "")],
        };
    }

    /// <summary>Every path in <paramref name="values"/> the chart does not read, in emission order; a wrong key's children are not listed.</summary>
    public ImmutableArray<string> UnknownPaths(ExprMap values)
    {
        var unknown = ImmutableArray.CreateBuilder<string>();
        Walk(values, "", unknown);
        return unknown.ToImmutable();
    }

    private void Walk(ExprMap map, string prefix, ImmutableArray<string>.Builder unknown)
    {
        foreach (var (key, value) in map.Items)
        {
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            if (IsFreeform(path))
            {
                continue;
            }

            if (!Keys.Contains(path))
            {
                unknown.Add(path);
                continue;
            }

            WalkValue(value, path, unknown);
        }
    }

    private void WalkValue(Expr value, string path, ImmutableArray<string>.Builder unknown)
    {
        switch (value)
        {
            case ExprMap map:
                Walk(map, path, unknown);
                break;
            case ExprList list:
                foreach (var item in list.Items.OfType<ExprMap>())
                {
                    Walk(item, path + "[]", unknown);
                }

                break;
        }
    }

    private bool IsFreeform(string path) => Freeform.Any(root =>
        path == root || (path.StartsWith(root, StringComparison.Ordinal) && path[root.Length] is '.' or '['));

    private static T Field<T>(string file, YamlMappingNode node, string key)
        where T : YamlNode =>
        node.Children.TryGetValue(key, out var value) && value is T typed
            ? typed
            : throw new BadInputException(file, $"line {node.Start.Line}", $"'{key}' is missing or not a {typeof(T).Name[4..^4].ToLowerInvariant()}");

    private static string Scalar(string file, YamlMappingNode node, string key) => Field<YamlScalarNode>(file, node, key).Value ?? "";
}
