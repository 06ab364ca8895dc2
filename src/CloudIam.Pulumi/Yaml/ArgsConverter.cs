using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace CloudIam.Pulumi.Yaml;

/// <summary>
/// Turns an args record into its property map: each public property becomes the camelCase schema name
/// (<c>VpcConfig</c> → <c>vpcConfig</c>); unset (null) properties are omitted. One generic piece for every
/// resource type, so args records hold only schema-named properties and no serialisation code.
/// </summary>
internal static class ArgsConverter
{
    public static ExprMap ToProperties(IResourceArgs args) => ToMap(args.GetType(), args);

    private static ExprMap ToMap(IArgsObject nested) => ToMap(nested.GetType(), nested);

    // The args interfaces keep their implementations' public properties through trimming (Native AOT), so the
    // types handed here still have them.
    private static ExprMap ToMap([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type type, object args) => ExprMap.FromEntries(
        type
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetIndexParameters().Length == 0)
            .Select(property => (Name: SchemaName(property.Name), Value: property.GetValue(args)))
            .Where(entry => entry.Value is not null)
            .Select(entry => KeyValuePair.Create(entry.Name, Convert(entry.Value!))));

    private static Expr Convert(object value) => value switch
    {
        Expr expr => expr,
        IInput input => input.Expr,
        IArgsObject nested => ToMap(nested),
        IDictionary map => ExprMap.FromEntries(map.Keys.Cast<string>().Select(key => KeyValuePair.Create(key, Convert(map[key]!)))),
        IEnumerable items and not string => ExprList.Of(items.Cast<object>(), Convert),
        _ => Expr.Literal(value),
    };

    private static string SchemaName(string propertyName) =>
        string.Concat(char.ToLowerInvariant(propertyName[0]).ToString(), propertyName[1..]);
}
