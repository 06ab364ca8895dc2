namespace CloudIam.Placement.Design;

/// <summary>Read access to a resource's inputs, for policy settings such as <c>capacity.property</c>.</summary>
public interface IPropertyLookup
{
    /// <summary>The number at a dotted path (<c>values.concurrent</c>); false when absent, unknown or secret.</summary>
    bool TryGetNumber(string dottedPath, out double value);
}

public sealed class NoProperties : IPropertyLookup
{
    public static NoProperties Instance { get; } = new();

    private NoProperties()
    {
    }

    public bool TryGetNumber(string dottedPath, out double value)
    {
        value = 0;
        return false;
    }
}
