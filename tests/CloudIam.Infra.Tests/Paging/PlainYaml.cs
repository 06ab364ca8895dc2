using CloudIam.Pulumi.Yaml;
using YamlDotNet.Serialization;

namespace CloudIam.Infra.Tests.Paging;

/// <summary>
/// A Helm value as the tool behind the chart reads it: config references become the example values an operator
/// would set (a webhook URL per secret key), so amtool and promtool check what Pulumi would render.
/// </summary>
internal static class PlainYaml
{
    public static string Write(Expr value) => new SerializerBuilder().Build().Serialize(Plain(value));

    public static string ExampleUrl(string configKey) => $"https://hooks.example.com/{configKey}";

    private static object? Plain(Expr value) => value switch
    {
        ExprMap map => map.Items.ToDictionary(entry => entry.Key, entry => Plain(entry.Value)),
        ExprList list => list.Items.Select(Plain).ToList(),
        StringLiteral text => text.Value,
        NumberLiteral number => number.Value,
        BoolLiteral flag => flag.Value,
        Interpolation { Parts: [ConfigReference reference] } => ExampleUrl(reference.Key.Name),
        _ => throw new InvalidOperationException($"no plain form for {value}"),
    };
}
