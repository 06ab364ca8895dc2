using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace CloudIam.Pulumi.Yaml;

/// <summary>
/// A value in a Pulumi YAML program: a literal, a list or map, an interpolated string with
/// <c>${…}</c> references, or a built-in function. Literal strings are stored unescaped; the emitter
/// doubles <c>$</c> so Pulumi never mistakes a literal <c>${VAR}</c> (Gatus, TOML) for a reference.
/// </summary>
public abstract record Expr
{
    public static Expr Null { get; } = new NullLiteral();

    public static implicit operator Expr(string value) => new StringLiteral(value);

    public static implicit operator Expr(int value) => new NumberLiteral(value);

    public static implicit operator Expr(decimal value) => new NumberLiteral(value);

    public static implicit operator Expr(bool value) => new BoolLiteral(value);

    /// <summary>A string mixing literal text with <c>${resource.path}</c> and <c>${configKey}</c> references.</summary>
    public static Expr Format(ref InterpolationHandler handler) => handler.Build();

    /// <summary><c>fn::secret</c>: Pulumi keeps the value encrypted in state and masks it in output.</summary>
    public static Expr Secret(Expr value) => new SecretFn(value);

    /// <summary><c>fn::toJSON</c>: JSON text of a value that may contain references (IAM policies, kubeconfigs).</summary>
    public static Expr ToJson(Expr value) => new ToJsonFn(value);

    /// <summary><c>fn::join</c>.</summary>
    public static Expr Join(string delimiter, ExprList values) => new JoinFn(delimiter, values);

    /// <summary>Literal of a CLR scalar; what <see cref="Input{T}"/> uses for its implicit conversion.</summary>
    internal static Expr Literal(object? value) => value switch
    {
        null => Null,
        Expr expr => expr,
        string s => new StringLiteral(s),
        bool b => new BoolLiteral(b),
        int i => new NumberLiteral(i),
        long l => new NumberLiteral(l),
        decimal d => new NumberLiteral(d),
        _ => throw new ArgumentException($"{value.GetType().Name} has no Pulumi YAML literal form", nameof(value)),
    };

    /// <summary>Every <c>${…}</c> reference inside this value, in emission order.</summary>
    public IEnumerable<Reference> References() => this switch
    {
        Interpolation interpolation => interpolation.Parts.OfType<Reference>(),
        ExprList list => list.Items.SelectMany(item => item.References()),
        ExprMap map => map.Items.Values.SelectMany(item => item.References()),
        SecretFn fn => fn.Value.References(),
        ToJsonFn fn => fn.Value.References(),
        JoinFn fn => fn.Values.References(),
        _ => [],
    };
}

public sealed record StringLiteral(string Value) : Expr;

public sealed record NumberLiteral(decimal Value) : Expr
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

public sealed record BoolLiteral(bool Value) : Expr;

public sealed record NullLiteral : Expr;

[CollectionBuilder(typeof(ExprList), nameof(Create))]
public sealed record ExprList(ImmutableArray<Expr> Items) : Expr, IEnumerable<Expr>
{
    public static ExprList Create(ReadOnlySpan<Expr> items) => new(items.ToImmutableArray());

    public static ExprList Of<T>(IEnumerable<T> items, Func<T, Expr> select) => new(items.Select(select).ToImmutableArray());

    public IEnumerator<Expr> GetEnumerator() => ((IEnumerable<Expr>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// A map written with an object initializer (<c>new ExprMap { ["replicas"] = 2 }</c>). Keys are emitted in
/// ordinal order so construction order can never change the emitted text; a key set twice is a bug and throws.
/// </summary>
public sealed record ExprMap : Expr
{
    public ImmutableSortedDictionary<string, Expr> Items { get; private init; } =
        ImmutableSortedDictionary<string, Expr>.Empty.WithComparers(StringComparer.Ordinal);

    public Expr this[string key]
    {
        get => Items[key];
        init => Items = Items.Add(key, value);
    }

    internal static ExprMap FromEntries(IEnumerable<KeyValuePair<string, Expr>> entries) =>
        new() { Items = new ExprMap().Items.AddRange(entries) };

    /// <summary>The map with <paramref name="other"/>'s entries added; a shared key is a bug and throws.</summary>
    public ExprMap With(ExprMap other) => new() { Items = Items.AddRange(other.Items) };

    public Expr? GetValueOrDefault(string key) => Items.GetValueOrDefault(key);

    /// <summary>The map with <paramref name="key"/> set to <paramref name="value"/>, replacing what was there.</summary>
    public ExprMap SetItem(string key, Expr value) => new() { Items = Items.SetItem(key, value) };
}

/// <summary>A string that contains at least one <c>${…}</c> reference; a lone reference keeps the referenced type.</summary>
public sealed record Interpolation(ImmutableArray<InterpolationPart> Parts) : Expr;

public abstract record InterpolationPart;

public sealed record TextPart(string Text) : InterpolationPart;

public abstract record Reference : InterpolationPart;

/// <summary><c>${resource}</c> or <c>${resource.path}</c>; only a declared <see cref="ResourceHandle"/> can be referenced.</summary>
public sealed record ResourceReference(ResourceHandle Resource, string? Path) : Reference
{
    public override string ToString() => Path is null ? Resource.LogicalName : $"{Resource.LogicalName}.{Path}";
}

/// <summary><c>${key}</c>: a project config key, resolved by Pulumi at run time (secrets stay encrypted).</summary>
public sealed record ConfigReference(ConfigKey Key) : Reference
{
    public override string ToString() => Key.Name;
}

public sealed record SecretFn(Expr Value) : Expr;

public sealed record ToJsonFn(Expr Value) : Expr;

public sealed record JoinFn(string Delimiter, ExprList Values) : Expr;

/// <summary>Collects <c>$"…{output}…"</c> into an <see cref="Interpolation"/>, so C# interpolation reads like Pulumi's.</summary>
[InterpolatedStringHandler]
public ref struct InterpolationHandler
{
    private readonly ImmutableArray<InterpolationPart>.Builder parts;

    public InterpolationHandler(int literalLength, int formattedCount)
    {
        _ = literalLength;
        parts = ImmutableArray.CreateBuilder<InterpolationPart>(formattedCount * 2 + 1);
    }

    public readonly void AppendLiteral(string text) => AppendText(text);

    public readonly void AppendFormatted(string text) => AppendText(text);

    public readonly void AppendFormatted<T>(Output<T> output) => parts.Add(output.Reference);

    public readonly void AppendFormatted(ConfigKey key) => parts.Add(new ConfigReference(key));

    internal readonly Expr Build()
    {
        if (parts.All(part => part is TextPart))
        {
            return new StringLiteral(string.Concat(parts.Cast<TextPart>().Select(part => part.Text)));
        }

        return new Interpolation(parts.ToImmutable());
    }

    private readonly void AppendText(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (parts.Count > 0 && parts[^1] is TextPart previous)
        {
            parts[^1] = new TextPart(previous.Text + text);
        }
        else
        {
            parts.Add(new TextPart(text));
        }
    }
}
