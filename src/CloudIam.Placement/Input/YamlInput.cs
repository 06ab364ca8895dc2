using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace CloudIam.Placement.Input;

/// <summary>
/// Loads the YAML files a person writes (policy, scenarios, stack config) within limits, so that a
/// hostile or broken file ends in one <see cref="BadInputException"/> naming the file, the line and the
/// limit — never a stack overflow, a hang or a memory blow-up. The limits are enforced on the parser's
/// event stream, before YamlDotNet's recursive node builder sees a too-deep node. Aliases are refused,
/// except in files whose format relies on them (GitLab pipelines' anchors), where they are counted and
/// the tree they make is bounded once expanded.
/// </summary>
public static class YamlInput
{
    /// <summary>Nested mappings and lists; the shipped files use fewer than ten.</summary>
    public const int MaxDepth = 64;

    /// <summary>Characters in one scalar: every kept value is a name, a URL, a reason or a CIDR.</summary>
    public const int MaxScalarLength = 64 * 1024;

    /// <summary>Bytes in one file: bounds the node tree kept in memory.</summary>
    public const long MaxFileBytes = 4L * 1024 * 1024;

    /// <summary>Aliases in one file, where they are allowed; a GitLab pipeline uses a few per job.</summary>
    public const int MaxAliases = 1_000;

    /// <summary>
    /// Nodes one document may hold with every alias followed, where aliases are allowed: a "billion laughs"
    /// is a few hundred bytes whose expansion no reader that walks the tree survives.
    /// </summary>
    public const int MaxExpandedNodes = 100_000;

    /// <param name="kind">What the file is, for messages: <c>policy</c>, <c>scenario</c>.</param>
    /// <param name="source">The name for messages, if not <paramref name="path"/> (e.g. relative to the repository).</param>
    /// <param name="aliases">Whether anchors and aliases are part of the format (bounded, not refused).</param>
    public static YamlStream LoadFile(string path, string kind, string? source = null, bool aliases = false)
    {
        source ??= path;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (file.Length > MaxFileBytes)
            {
                throw new BadInputException(source, $"the {kind} file is {file.Length:N0} bytes; YAML inputs are limited to {MaxFileBytes:N0} bytes");
            }

            using var reader = new StreamReader(file);
            return Load(reader, source, aliases);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BadInputException(source, $"{kind} file not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException(source, $"cannot read the {kind} file: {e.Message}");
        }
    }

    /// <param name="aliases">Whether anchors and aliases are part of the format (bounded, not refused).</param>
    public static YamlStream Load(TextReader text, string source, bool aliases = false)
    {
        var parser = new BoundedParser(new Parser(text), source, aliases);
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            if (parser.Aliases > 0)
            {
                foreach (var document in stream.Documents)
                {
                    CheckExpansion(document.RootNode, source);
                }
            }

            return stream;
        }
        catch (YamlException e)
        {
            throw new BadInputException(source, Location(e.Start), $"malformed YAML: {e.InnerException?.Message ?? e.Message}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner fails this way on some unterminated flow collections, and its node builder on
            // events it does not expect where it is (found by the fuzz corpus), both without a position.
            throw new BadInputException(source, Location(parser.LastEnd), $"malformed YAML after this point: {e.Message}");
        }
    }

    public static string Location(Mark mark) => $"line {mark.Line}, column {mark.Column}";

    /// <summary>
    /// The size and depth of each node with its aliases followed, computed once per node (an alias is the
    /// anchored node itself) and without recursion, since the expanded depth is what is being bounded.
    /// Refused at the first node, in post-order, whose expansion passes a limit, and at an alias inside the
    /// node it names: YamlDotNet resolves <c>&amp;a [*a]</c> to a node that contains itself (found by the fuzz corpus).
    /// </summary>
    private static void CheckExpansion(YamlNode root, string source)
    {
        var expanded = new Dictionary<YamlNode, (long Nodes, int Depth)>(ReferenceEqualityComparer.Instance);
        var started = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(YamlNode Node, bool ChildrenDone)>([(root, false)]);
        while (pending.TryPop(out var entry))
        {
            if (expanded.ContainsKey(entry.Node))
            {
                continue;
            }

            // Entries pushed since a node was started are its descendants: meeting it again is a cycle.
            if (!entry.ChildrenDone && !started.Add(entry.Node))
            {
                throw new BadInputException(source, Location(entry.Node.Start), "an alias refers to a node that contains it");
            }

            var children = entry.Node switch
            {
                YamlMappingNode mapping => mapping.Children.SelectMany(pair => new[] { pair.Key, pair.Value }),
                YamlSequenceNode sequence => sequence.Children,
                _ => [],
            };
            if (!entry.ChildrenDone)
            {
                pending.Push((entry.Node, true));
                foreach (var child in children.Where(child => !expanded.ContainsKey(child)))
                {
                    pending.Push((child, false));
                }

                continue;
            }

            var (nodes, depth) = children.Aggregate((Nodes: 1L, Depth: 0), (sum, child) => (sum.Nodes + expanded[child].Nodes, Math.Max(sum.Depth, expanded[child].Depth)));
            depth += entry.Node is YamlScalarNode ? 0 : 1;
            if (nodes > MaxExpandedNodes || depth > MaxDepth)
            {
                throw new BadInputException(source, Location(entry.Node.Start), nodes > MaxExpandedNodes
                    ? $"with its aliases followed this node holds more than {MaxExpandedNodes:N0} nodes (the limit)"
                    : $"with its aliases followed this node nests deeper than {MaxDepth} levels (the limit)");
            }

            expanded[entry.Node] = (nodes, depth);
        }
    }

    /// <summary>Checks each event as it is parsed, and remembers where the last good one ended.</summary>
    private sealed class BoundedParser(IParser parser, string source, bool aliases) : IParser
    {
        private int _depth;

        public Mark LastEnd { get; private set; } = new(0, 1, 1);

        public int Aliases { get; private set; }

        public ParsingEvent? Current => parser.Current;

        public bool MoveNext()
        {
            if (!parser.MoveNext())
            {
                return false;
            }

            switch (parser.Current)
            {
                case MappingStart or SequenceStart when ++_depth > MaxDepth:
                    throw Limit(parser.Current, $"nesting deeper than {MaxDepth} levels (the limit)");
                case MappingEnd or SequenceEnd:
                    _depth--;
                    break;
                case AnchorAlias alias when !aliases:
                    // Refused where the format does not need them: an alias of an alias of … is the "billion
                    // laughs" that expands exponentially in whatever walks the tree.
                    throw Limit(alias, $"YAML aliases (*{alias.Value}) are not supported; write the value out");
                case AnchorAlias alias when ++Aliases > MaxAliases:
                    throw Limit(alias, $"more than {MaxAliases:N0} YAML aliases (the limit)");
                case Scalar { Value.Length: > MaxScalarLength } scalar:
                    throw Limit(scalar, $"a value of {scalar.Value.Length:N0} characters; values are limited to {MaxScalarLength:N0}");
            }

            LastEnd = parser.Current!.End;
            return true;
        }

        private BadInputException Limit(ParsingEvent at, string problem) => new(source, Location(at.Start), problem);
    }
}
