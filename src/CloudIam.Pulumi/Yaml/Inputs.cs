namespace CloudIam.Pulumi.Yaml;

/// <summary>
/// A resource output of type <typeparamref name="T"/> (<c>${cluster.kubeconfigs[0].configFile}</c>).
/// Only typed accessors create one, so an output name is checked by the compiler, not at deploy time.
/// </summary>
public sealed record Output<T>(ResourceReference Reference)
{
    public static implicit operator Expr(Output<T> output) => new Interpolation([output.Reference]);
}

/// <summary>
/// A typed resource input: a literal <typeparamref name="T"/>, an <see cref="Output{T}"/> of the same type,
/// a config key, or a built-in's result (<see cref="Input.Json"/>). A number where the schema wants a string
/// is a compile error.
/// </summary>
public sealed record Input<T> : IInput
{
    private Input(Expr expr) => Expr = expr;

    public Expr Expr { get; }

    public static implicit operator Input<T>(T value) => new(Expr.Literal(value));

    public static implicit operator Input<T>(Output<T> output) => new((Expr)output);

    public static implicit operator Input<T>(ConfigKey key) => new((Expr)key);

    internal static Input<T> Wrap(Expr expr) => new(expr);
}

internal interface IInput
{
    Expr Expr { get; }
}

public static class Input
{
    /// <summary><c>fn::toJSON</c> as a string input (IAM policy documents, kubeconfigs with references).</summary>
    public static Input<string> Json(Expr value) => Input<string>.Wrap(Expr.ToJson(value));

    /// <summary>A string built from text and outputs (<c>${ip.address}/32</c>).</summary>
    public static Input<string> Format(ref InterpolationHandler handler) => Input<string>.Wrap(handler.Build());
}

/// <summary>A project config key the program references as <c>${name}</c> instead of inlining its value.</summary>
public sealed record ConfigKey
{
    public required string Name { get; init; }

    /// <summary>True for keys set with <c>pulumi config set --secret</c>; their plaintext never reaches the program.</summary>
    public required bool Secret { get; init; }

    public static implicit operator Expr(ConfigKey key) => new Interpolation([new ConfigReference(key)]);
}
