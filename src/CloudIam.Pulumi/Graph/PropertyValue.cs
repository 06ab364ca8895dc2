using System.Collections.Immutable;
using System.Globalization;
using CloudIam.Placement.Design;

namespace CloudIam.Pulumi.Graph;

/// <summary>
/// A resource input or output as Pulumi models it. Secrets are kept only as the fact that a value
/// was secret: no reader ever stores plaintext, so no report can leak it.
/// </summary>
public abstract record PropertyValue : IPropertyLookup
{
    public static PropertyValue Null { get; } = new NullValue();

    /// <summary>A secret; its plaintext is deliberately not kept.</summary>
    public static PropertyValue Secret { get; } = new SecretValue();

    /// <summary>Computed, not known until the update (preview placeholder, reference in a compiled program).</summary>
    public static PropertyValue Unknown { get; } = new UnknownValue();

    public static PropertyValue EmptyMap { get; } = new MapValue(ImmutableSortedDictionary<string, PropertyValue>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>Follows a dotted path (<c>values.concurrent</c>, <c>vpcConfig.subnetIds</c>, <c>list.0.x</c>).</summary>
    public PropertyValue? Get(string dottedPath)
    {
        PropertyValue? current = this;
        foreach (var segment in dottedPath.Split('.'))
        {
            current = current switch
            {
                MapValue map => map.Items.GetValueOrDefault(segment),
                ListValue list when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < list.Items.Length => list.Items[i],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    public string? GetString(string dottedPath) => Get(dottedPath) is StringValue s ? s.Value : null;

    public bool TryGetNumber(string dottedPath, out double value)
    {
        switch (Get(dottedPath))
        {
            case NumberValue number:
                value = number.Value;
                return true;
            case StringValue text when double.TryParse(text.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                value = parsed;
                return true;
            default:
                value = 0;
                return false;
        }
    }

    private sealed record NullValue : PropertyValue;

    private sealed record SecretValue : PropertyValue;

    private sealed record UnknownValue : PropertyValue;
}

public sealed record BoolValue(bool Value) : PropertyValue;

public sealed record NumberValue(double Value) : PropertyValue;

public sealed record StringValue(string Value) : PropertyValue;

/// <summary>Equal by items, so that the same resource read from two sources compares equal.</summary>
public sealed record ListValue(ImmutableArray<PropertyValue> Items) : PropertyValue
{
    public bool Equals(ListValue? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Items.Length;
}

/// <summary>Equal by entries, so that the same resource read from two sources compares equal.</summary>
public sealed record MapValue(ImmutableSortedDictionary<string, PropertyValue> Items) : PropertyValue
{
    public bool Equals(MapValue? other) =>
        other is not null && Items.Count == other.Items.Count && Items.All(entry => other.Items.TryGetValue(entry.Key, out var value) && entry.Value.Equals(value));

    public override int GetHashCode() => Items.Count;
}
