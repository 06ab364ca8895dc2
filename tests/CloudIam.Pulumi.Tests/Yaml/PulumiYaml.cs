using System.Text;
using YamlDotNet.RepresentationModel;

namespace CloudIam.Pulumi.Tests.Yaml;

/// <summary>Reads emitted text back the way Pulumi does: YAML first, then <c>$$</c> → <c>$</c> in literal strings.</summary>
internal static class PulumiYaml
{
    public static YamlMappingNode Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public static YamlNode At(this YamlNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => ((YamlMappingNode)current)[key]);

    public static YamlScalarNode Scalar(this YamlNode node, params string[] path) => (YamlScalarNode)node.At(path);

    /// <summary>The literal Pulumi evaluates a string to; a <c>${…}</c> in it would be a reference, which a literal must not have.</summary>
    public static string Unescape(string text)
    {
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '$')
            {
                literal.Append('$');
                i++;
            }
            else if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                throw new InvalidOperationException($"'{text}' contains a reference at {i}");
            }
            else
            {
                literal.Append(text[i]);
            }
        }

        return literal.ToString();
    }
}
