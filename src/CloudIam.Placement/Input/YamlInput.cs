using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace CloudIam.Placement.Input;

/// <summary>
/// Loads the YAML files a person writes (policy, scenarios, stack config) within limits, so that a
/// hostile or broken file ends in one <see cref="BadInputException"/> naming the file, the line and the
/// limit — never a stack overflow, a hang or a memory blow-up. The limits are enforced on the parser's
/// event stream, before YamlDotNet's recursive node builder sees a too-deep node.
/// </summary>
public static class YamlInput
{
    /// <summary>Nested mappings and lists; the shipped files use fewer than ten.</summary>
    public const int MaxDepth = 64;

    /// <summary>Characters in one scalar: every kept value is a name, a URL, a reason or a CIDR.</summary>
    public const int MaxScalarLength = 64 * 1024;

    /// <summary>Bytes in one file: bounds the node tree kept in memory.</summary>
    public const long MaxFileBytes = 4L * 1024 * 1024;

    /// <param name="kind">What the file is, for messages: <c>policy</c>, <c>scenario</c>.</param>
    public static YamlStream LoadFile(string path, string kind)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (file.Length > MaxFileBytes)
            {
                throw new BadInputException(path, $"the {kind} file is {file.Length:N0} bytes; YAML inputs are limited to {MaxFileBytes:N0} bytes");
            }

            using var reader = new StreamReader(file);
            return Load(reader, path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BadInputException(path, $"{kind} file not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException(path, $"cannot read the {kind} file: {e.Message}");
        }
    }

    public static YamlStream Load(TextReader text, string source)
    {
        var parser = new BoundedParser(new Parser(text), source);
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
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

    /// <summary>Checks each event as it is parsed, and remembers where the last good one ended.</summary>
    private sealed class BoundedParser(IParser parser, string source) : IParser
    {
        private int _depth;

        public Mark LastEnd { get; private set; } = new(0, 1, 1);

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
                case AnchorAlias alias:
                    // Refused rather than bounded: no input needs them, and an alias of an alias of … is the
                    // "billion laughs" that expands exponentially in whatever walks the tree.
                    throw Limit(alias, $"YAML aliases (*{alias.Value}) are not supported; write the value out");
                case Scalar { Value.Length: > MaxScalarLength } scalar:
                    throw Limit(scalar, $"a value of {scalar.Value.Length:N0} characters; values are limited to {MaxScalarLength:N0}");
            }

            LastEnd = parser.Current!.End;
            return true;
        }

        private BadInputException Limit(ParsingEvent at, string problem) => new(source, Location(at.Start), problem);
    }
}
