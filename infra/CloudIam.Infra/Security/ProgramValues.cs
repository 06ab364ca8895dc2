using System.Globalization;
using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Security;

/// <summary>Reading literal values out of a program; a reference is unknown until deploy time and reads as null.</summary>
internal static class ProgramValues
{
    public static string? Text(Expr? value) => value is StringLiteral literal ? literal.Value : null;

    public static decimal? Number(Expr? value) => value switch
    {
        NumberLiteral number => number.Value,
        StringLiteral text when decimal.TryParse(text.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public static bool? Bool(Expr? value) => value is BoolLiteral boolean ? boolean.Value : null;

    public static IEnumerable<Expr> Items(Expr? value) => value is ExprList list ? list.Items : [];

    public static IEnumerable<string> Texts(Expr? value) => Items(value).Select(Text).OfType<string>();

    /// <summary>Resources of <typeparamref name="TArgs"/> whose <paramref name="property"/> refers to <paramref name="target"/>.</summary>
    public static IEnumerable<ResourceDeclaration> Referring<TArgs>(PulumiProgram program, ResourceDeclaration target, string property)
        where TArgs : IResourceArgs =>
        program.OfType<TArgs>().Where(resource => resource.Refers(target.LogicalName, property));

    /// <summary>
    /// Resources whose type has <paramref name="role"/> in the provider catalog, whatever their provider: a
    /// check written against roles covers a bucket or cluster of any provider with a provider file.
    /// </summary>
    public static IEnumerable<ResourceDeclaration> WithRole(PulumiProgram program, ProviderCatalog providers, ResourceRole role) =>
        program.Resources.Where(resource => providers.Is(resource.Type, role));

    /// <summary>Whether any property of <paramref name="resource"/> refers to <paramref name="target"/>.</summary>
    public static bool RefersAnywhere(ResourceDeclaration resource, ResourceDeclaration target) =>
        resource.Properties.References().OfType<ResourceReference>().Any(reference => reference.Resource.LogicalName == target.LogicalName);

    /// <summary>Every literal string inside a value, at any depth (list items included).</summary>
    public static IEnumerable<string> AllTexts(Expr value) => value switch
    {
        StringLiteral literal => [literal.Value],
        ExprMap map => map.Items.Values.SelectMany(AllTexts),
        ExprList list => list.Items.SelectMany(AllTexts),
        SecretFn secret => AllTexts(secret.Value),
        _ => [],
    };

    /// <summary>Every map entry inside a value, depth first, with its dotted path.</summary>
    public static IEnumerable<(string Path, string Key, Expr Value)> Entries(Expr value, string path = "") => value switch
    {
        ExprMap map => map.Items.SelectMany(entry =>
        {
            var entryPath = path.Length == 0 ? entry.Key : $"{path}.{entry.Key}";
            return Entries(entry.Value, entryPath).Prepend((entryPath, entry.Key, entry.Value));
        }),
        ExprList list => list.Items.SelectMany((item, index) => Entries(item, $"{path}[{index}]")),
        SecretFn secret => Entries(secret.Value, path),
        ToJsonFn json => Entries(json.Value, path),
        _ => [],
    };
}
