using System.Collections.Immutable;
using CloudIam.Placement;
using CloudIam.Placement.Input;
using YamlDotNet.RepresentationModel;

namespace CloudIam.Pulumi.Pipelines;

/// <summary>
/// Reads a repository's pipelines, GitLab (<c>.gitlab-ci.yml</c>) and GitHub Actions
/// (<c>.github/workflows/*.yml</c>), down to the jobs that run Pulumi: where they run, which stack and
/// state backend they use, which config they set. Anchors and merge keys are resolved, and GitLab
/// <c>extends</c> too; <c>include</c> is not followed.
/// </summary>
public static class PipelineReader
{
    public const string GitLabFile = ".gitlab-ci.yml";

    public static readonly string GitHubWorkflows = Path.Combine(".github", "workflows");

    /// <summary>Every Pulumi job of the repository at <paramref name="root"/>, GitLab first, then workflows by file name.</summary>
    public static ImmutableArray<PipelineJob> ReadRepository(string root)
    {
        var jobs = ImmutableArray.CreateBuilder<PipelineJob>();
        if (File.Exists(Path.Combine(root, GitLabFile)))
        {
            jobs.AddRange(ReadGitLab(root, GitLabFile));
        }

        var workflows = Path.Combine(root, GitHubWorkflows);
        if (Directory.Exists(workflows))
        {
            foreach (var file in Directory.EnumerateFiles(workflows)
                .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal))
            {
                jobs.AddRange(ReadGitHub(root, Path.GetRelativePath(root, file)));
            }
        }

        return jobs.ToImmutable();
    }

    // Top-level GitLab keys that are settings, not jobs.
    private static readonly HashSet<string> GitLabKeywords = new(StringComparer.Ordinal)
    {
        "default", "include", "stages", "variables", "workflow", "image", "services", "cache", "before_script", "after_script", "spec",
    };

    public static IEnumerable<PipelineJob> ReadGitLab(string root, string relativePath)
    {
        var document = Load(root, relativePath);
        var entries = Entries(document);
        var defaults = entries.GetValueOrDefault("default") as YamlMappingNode;
        var globals = Variables(entries.GetValueOrDefault("variables"));
        foreach (var (key, node) in document.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } || GitLabKeywords.Contains(name) || name.StartsWith('.') || node is not YamlMappingNode)
            {
                continue;
            }

            var job = Extended(name, entries, relativePath, []);
            var fields = Entries(job);
            var variables = Merge(globals, Variables(fields.GetValueOrDefault("variables")), Matrix(fields));
            var beforeScript = fields.GetValueOrDefault("before_script") ?? Child(defaults, "before_script");
            var script = Lines(beforeScript).Concat(Lines(fields.GetValueOrDefault("script"))).ToList();
            var tags = fields.GetValueOrDefault("tags") ?? Child(defaults, "tags");
            var environment = fields.GetValueOrDefault("environment") switch
            {
                YamlScalarNode scalar => scalar.Value,
                YamlMappingNode map => Scalar(map, "name"),
                _ => null,
            };
            if (Describe(relativePath, name, key, script, variables, Lines(tags).ToImmutableArray(), Scalar(job, "resource_group"), environment) is { } described)
            {
                yield return described;
            }
        }
    }

    public static IEnumerable<PipelineJob> ReadGitHub(string root, string relativePath)
    {
        var document = Load(root, relativePath);
        var entries = Entries(document);
        var workflowEnv = Variables(entries.GetValueOrDefault("env"));
        if (entries.GetValueOrDefault("jobs") is not YamlMappingNode jobs)
        {
            yield break;
        }

        foreach (var (key, node) in jobs.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } || node is not YamlMappingNode job)
            {
                continue;
            }

            var fields = Entries(job);
            var steps = fields.GetValueOrDefault("steps") as YamlSequenceNode;
            var stepMaps = steps?.Children.OfType<YamlMappingNode>().ToList() ?? [];
            var matrix = Child(fields.GetValueOrDefault("strategy") as YamlMappingNode, "matrix");
            var variables = Merge(
                workflowEnv,
                Variables(fields.GetValueOrDefault("env")),
                [.. stepMaps.Select(step => Variables(Child(step, "env")))]);
            if (matrix is YamlMappingNode matrixMap)
            {
                foreach (var (axis, values) in Variables(matrixMap))
                {
                    variables["matrix." + axis] = values;
                }
            }

            var script = stepMaps.SelectMany(step => Lines(Child(step, "run"))).ToList();
            var labels = fields.GetValueOrDefault("runs-on") switch
            {
                YamlMappingNode group => Lines(Child(group, "labels")),
                var other => Lines(other),
            };
            var environment = fields.GetValueOrDefault("environment") switch
            {
                YamlScalarNode scalar => scalar.Value,
                YamlMappingNode map => Scalar(map, "name"),
                _ => null,
            };
            var concurrency = fields.GetValueOrDefault("concurrency") switch
            {
                YamlScalarNode scalar => scalar.Value,
                YamlMappingNode map => Scalar(map, "group"),
                _ => null,
            };
            if (Describe(relativePath, name, key, script, variables, [.. labels], concurrency, environment) is { } described)
            {
                yield return described;
            }
        }
    }

    private static PipelineJob? Describe(
        string file,
        string name,
        YamlNode at,
        IReadOnlyList<string> script,
        Dictionary<string, ImmutableArray<string>> variables,
        ImmutableArray<string> labels,
        string? resourceGroup,
        string? environment)
    {
        var commands = PulumiCommands.Parse(script, variables);
        if (!commands.Previews && !commands.Deploys)
        {
            return null;
        }

        return new PipelineJob
        {
            File = file,
            Name = name,
            Line = (int)at.Start.Line,
            Stacks = commands.Stacks,
            RunnerLabels = labels,
            StateBackend = commands.StateBackend,
            Previews = commands.Previews,
            Deploys = commands.Deploys,
            ConfigKeysSet = commands.ConfigKeysSet,
            ResourceGroup = resourceGroup is null ? null : PulumiCommands.ExpandSingle(resourceGroup, variables) ?? resourceGroup,
            Environment = environment is null ? null : PulumiCommands.ExpandSingle(environment, variables) ?? environment,
        };
    }

    private static YamlMappingNode Load(string root, string relativePath)
    {
        // Within the limits of every YAML input; anchors and merge keys are how GitLab files share templates,
        // so aliases are counted and their expansion bounded rather than refused.
        var stream = YamlInput.LoadFile(Path.Combine(root, relativePath), "pipeline", relativePath, aliases: true);
        return stream.Documents.FirstOrDefault()?.RootNode is YamlMappingNode document
            ? (YamlMappingNode)WithMergeKeys(document)
            : throw new BadInputException(relativePath, "a pipeline file must be a map of jobs");
    }

    // `<<: *anchor` (or a list of anchors): the anchored mappings' keys where the mapping has none of its own.
    // Done here rather than by YamlDotNet's MergingParser, which repeats overridden keys as duplicates.
    private static YamlNode WithMergeKeys(YamlNode node)
    {
        switch (node)
        {
            case YamlSequenceNode sequence:
                return new YamlSequenceNode(sequence.Children.Select(WithMergeKeys));
            case YamlMappingNode mapping:
                var result = new YamlMappingNode();
                foreach (var (key, value) in mapping.Children.Where(pair => !IsMergeKey(pair.Key)))
                {
                    result.Children[key] = WithMergeKeys(value);
                }

                foreach (var merged in mapping.Children.Where(pair => IsMergeKey(pair.Key)).SelectMany(pair => pair.Value is YamlSequenceNode list ? list.Children : [pair.Value]))
                {
                    if (WithMergeKeys(merged) is YamlMappingNode source)
                    {
                        foreach (var (key, value) in source.Children.Where(pair => !result.Children.ContainsKey(pair.Key)))
                        {
                            result.Children[key] = value;
                        }
                    }
                }

                return result;
            default:
                return node;
        }
    }

    private static bool IsMergeKey(YamlNode key) => key is YamlScalarNode { Value: "<<" };

    // A GitLab job with its `extends` applied: the parents' keys, deep-merged, under the job's own.
    private static YamlMappingNode Extended(string name, Dictionary<string, YamlNode> entries, string file, ImmutableHashSet<string> seen)
    {
        if (entries.GetValueOrDefault(name) is not YamlMappingNode job)
        {
            throw new BadInputException(file, $"'extends' names '{name}', which is not a job or template of this file");
        }

        if (seen.Contains(name))
        {
            throw new BadInputException(file, $"'extends' of '{name}' loops back to itself");
        }

        var parents = Child(job, "extends") switch
        {
            null => [],
            var node => Lines(node).ToList(),
        };
        var merged = new YamlMappingNode();
        foreach (var parent in parents)
        {
            merged = DeepMerge(merged, Extended(parent, entries, file, seen.Add(name)));
        }

        return DeepMerge(merged, job);
    }

    private static YamlMappingNode DeepMerge(YamlMappingNode under, YamlMappingNode over)
    {
        var result = new YamlMappingNode();
        foreach (var (key, value) in under.Children)
        {
            result.Children[key] = value;
        }

        foreach (var (key, value) in over.Children)
        {
            result.Children[key] = result.Children.TryGetValue(key, out var existing) && existing is YamlMappingNode left && value is YamlMappingNode right
                ? DeepMerge(left, right)
                : value;
        }

        return result;
    }

    private static Dictionary<string, YamlNode> Entries(YamlMappingNode map) =>
        map.Children
            .Where(pair => pair.Key is YamlScalarNode { Value: not null })
            .GroupBy(pair => ((YamlScalarNode)pair.Key).Value!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);

    private static string? Scalar(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    private static YamlNode? Child(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    // A script is a string or a list of strings (nested lists are flattened, as GitLab does).
    private static IEnumerable<string> Lines(YamlNode? node) => node switch
    {
        YamlScalarNode { Value: { } value } => value.Split('\n'),
        YamlSequenceNode sequence => sequence.Children.SelectMany(Lines),
        _ => [],
    };

    // Variables map to every value they can take: one, or several under a matrix.
    private static Dictionary<string, ImmutableArray<string>> Variables(YamlNode? node)
    {
        var variables = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        if (node is not YamlMappingNode map)
        {
            return variables;
        }

        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                continue;
            }

            var values = value switch
            {
                YamlScalarNode { Value: { } text } => [text],
                YamlSequenceNode list => [.. list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "")],
                YamlMappingNode detailed when Scalar(detailed, "value") is { } text => [text],
                _ => ImmutableArray<string>.Empty,
            };
            if (!values.IsEmpty)
            {
                variables[name] = values;
            }
        }

        return variables;
    }

    // GitLab `parallel: matrix:` runs the job once per combination; a variable takes every value listed.
    private static List<Dictionary<string, ImmutableArray<string>>> Matrix(Dictionary<string, YamlNode> job) =>
        job.GetValueOrDefault("parallel") is YamlMappingNode parallel
        && Child(parallel, "matrix") is YamlSequenceNode rows
            ? [.. rows.Children.Select(Variables)]
            : [];

    private static Dictionary<string, ImmutableArray<string>> Merge(
        Dictionary<string, ImmutableArray<string>> outer,
        Dictionary<string, ImmutableArray<string>> inner,
        List<Dictionary<string, ImmutableArray<string>>> alternatives)
    {
        var merged = new Dictionary<string, ImmutableArray<string>>(outer, StringComparer.Ordinal);
        foreach (var (name, values) in inner)
        {
            merged[name] = values;
        }

        foreach (var name in alternatives.SelectMany(row => row.Keys).Distinct(StringComparer.Ordinal).ToList())
        {
            merged[name] = [.. alternatives.SelectMany(row => row.GetValueOrDefault(name, [])).Distinct(StringComparer.Ordinal)];
        }

        return merged;
    }
}
