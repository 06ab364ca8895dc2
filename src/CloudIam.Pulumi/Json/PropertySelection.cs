using System.Text.Json;

namespace CloudIam.Pulumi.Json;

/// <summary>
/// The parts of a resource's inputs and outputs a reader keeps, as a tree of property names; a leaf
/// keeps everything below it. Whatever is not selected is skipped unread, which is what keeps reading a
/// large export close to the cost of merely validating its JSON.
/// </summary>
internal sealed class PropertySelection
{
    private readonly NameTable<PropertySelection>? _children;

    private PropertySelection(NameTable<PropertySelection>? children) => _children = children;

    public static PropertySelection Everything { get; } = new(null);

    /// <summary>True when every property below this point is kept.</summary>
    public bool KeepsAll => _children is null;

    /// <summary>A selection of paths given as their segments; a path keeps all that lies below it.</summary>
    public static PropertySelection Of(IEnumerable<string[]> paths)
    {
        var root = new Node();
        foreach (var path in paths)
        {
            root.Add(path);
        }

        return root.Freeze();
    }

    /// <summary>
    /// Whether the property the reader is on is kept, with its name (shared, not decoded again) and
    /// the selection that applies below it.
    /// </summary>
    public bool TryGetChild(ref Utf8JsonReader reader, StringPool pool, out string name, out PropertySelection child)
    {
        if (_children is null)
        {
            name = JsonText.Intern(ref reader, pool);
            child = Everything;
            return true;
        }

        return _children.TryGet(ref reader, out name, out child);
    }

    /// <summary>Mutable form used while merging paths; null children means "keep everything".</summary>
    private sealed class Node
    {
        private Dictionary<string, Node>? _children = new(StringComparer.Ordinal);

        public void Add(ReadOnlySpan<string> segments)
        {
            if (_children is null)
            {
                return;
            }

            if (segments.IsEmpty)
            {
                _children = null;
                return;
            }

            if (!_children.TryGetValue(segments[0], out var child))
            {
                child = new Node();
                _children[segments[0]] = child;
            }

            child.Add(segments[1..]);
        }

        public PropertySelection Freeze() => _children is null
            ? Everything
            : new PropertySelection(new NameTable<PropertySelection>(
                _children.Select(entry => KeyValuePair.Create(entry.Key, entry.Value.Freeze()))));
    }
}
