using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CloudIam.Pulumi.Yaml;

/// <summary>
/// Writes a <see cref="PulumiProgram"/> as Pulumi YAML. Output is a pure function of the program: fixed key
/// order, ordinal map order, no line folding, so the same program always gives byte-identical text.
/// </summary>
public static class ProgramEmitter
{
    public static string Emit(PulumiProgram program)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Emit(program, text);
        return text.ToString();
    }

    public static void Emit(PulumiProgram program, TextWriter output)
    {
        var emitter = new Emitter(output, new EmitterSettings(
            bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024,
            skipAnchorName: true, indentSequences: true, newLine: "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        new Writer(emitter).Program(program);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
    }

    /// <summary>The text Pulumi reads for a literal: every <c>$</c> doubled, so <c>${VAR}</c> stays literal.</summary>
    public static string EscapeLiteral(string text) => text.Replace("$", "$$", StringComparison.Ordinal);

    /// <summary>The expression text of an interpolated string (<c>https://${bucket.endpoint}/x</c>).</summary>
    public static string InterpolationText(Interpolation interpolation)
    {
        var text = new StringBuilder();
        foreach (var part in interpolation.Parts)
        {
            text.Append(part switch
            {
                TextPart literal => EscapeLiteral(literal.Text),
                Reference reference => $"${{{reference}}}",
                _ => throw new NoYamlFormException(part),
            });
        }

        return text.ToString();
    }

    private sealed class Writer(IEmitter emitter)
    {
        public void Program(PulumiProgram program)
        {
            Map(() =>
            {
                Entry("name", program.Name);
                if (program.Description is { } description)
                {
                    Entry("description", description);
                }

                if (program.Config.Length > 0)
                {
                    Key("config");
                    Map(() =>
                    {
                        foreach (var declaration in program.Config)
                        {
                            Key(declaration.Key.Name);
                            Map(() =>
                            {
                                Entry("type", declaration.Type);
                                if (declaration.Key.Secret)
                                {
                                    Entry("secret", true);
                                }
                            });
                        }
                    });
                }

                Key("resources");
                Map(() =>
                {
                    foreach (var resource in program.Resources)
                    {
                        Key(resource.LogicalName);
                        Resource(resource);
                    }
                });

                if (program.Outputs.Length > 0)
                {
                    Key("outputs");
                    Map(() =>
                    {
                        foreach (var output in program.Outputs)
                        {
                            Entry(output.Name, output.Value);
                        }
                    });
                }
            });
        }

        private void Resource(ResourceDeclaration resource) => Map(() =>
        {
            Entry("type", resource.Type);
            if (resource.Properties.Items.Count > 0)
            {
                Entry("properties", resource.Properties);
            }

            var options = OptionsMap(resource.Options);
            if (options.Items.Count > 0)
            {
                Entry("options", options);
            }
        });

        private static ExprMap OptionsMap(ResourceOptions options)
        {
            var entries = new List<KeyValuePair<string, Expr>>();
            void Add(string key, Expr? value)
            {
                if (value is not null)
                {
                    entries.Add(KeyValuePair.Create(key, value));
                }
            }

            Add("provider", options.Provider is { } provider ? Self(provider) : null);
            Add("parent", options.Parent is { } parent ? Self(parent) : null);
            Add("dependsOn", options.DependsOn.Length > 0 ? ExprList.Of(options.DependsOn, Self) : null);
            Add("protect", options.Protect ? true : null);
            Add("version", options.Version is { } version ? (Expr)version : null);
            Add("pluginDownloadURL", options.PluginDownloadUrl is { } url ? (Expr)url : null);
            Add("ignoreChanges", options.IgnoreChanges.Length > 0 ? ExprList.Of(options.IgnoreChanges, path => path) : null);
            return ExprMap.FromEntries(entries);
        }

        private static Expr Self(ResourceHandle handle) => new Interpolation([new ResourceReference(handle, null)]);

        private void Value(Expr value)
        {
            switch (value)
            {
                case StringLiteral literal:
                    Text(EscapeLiteral(literal.Value));
                    break;
                case Interpolation interpolation:
                    Text(InterpolationText(interpolation));
                    break;
                case NumberLiteral number:
                    Plain(number.ToString());
                    break;
                case BoolLiteral boolean:
                    Plain(boolean.Value ? "true" : "false");
                    break;
                case NullLiteral:
                    Plain("null");
                    break;
                case ExprList list:
                    emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));
                    foreach (var item in list.Items)
                    {
                        Value(item);
                    }

                    emitter.Emit(new SequenceEnd());
                    break;
                case ExprMap map:
                    Map(() =>
                    {
                        foreach (var (key, item) in map.Items)
                        {
                            Entry(EscapeLiteral(key), item);
                        }
                    });
                    break;
                case SecretFn secret:
                    Function("fn::secret", secret.Value);
                    break;
                case ToJsonFn json:
                    Function("fn::toJSON", json.Value);
                    break;
                case JoinFn join:
                    Function("fn::join", new ExprList([join.Delimiter, join.Values]));
                    break;
                default:
                    throw new NoYamlFormException(value);
            }
        }

        private void Function(string name, Expr argument) => Map(() => Entry(name, argument));

        private void Map(Action body)
        {
            emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Block));
            body();
            emitter.Emit(new MappingEnd());
        }

        private void Entry(string key, Expr value)
        {
            Key(key);
            Value(value);
        }

        private void Key(string key) => Text(key);

        private void Text(string text) => emitter.Emit(new Scalar(
            AnchorName.Empty, TagName.Empty, text, YamlScalars.StyleFor(text), isPlainImplicit: true, isQuotedImplicit: true));

        private void Plain(string text) => emitter.Emit(new Scalar(
            AnchorName.Empty, TagName.Empty, text, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: true));
    }

    private sealed class NoYamlFormException(object value)
        : InvalidOperationException($"{value.GetType().Name} has no YAML form");
}
