using System.Runtime.CompilerServices;
using CloudIam.Infra.Compilation;
using CloudIam.Infra.Stacks;

namespace CloudIam.Infra.Cli;

/// <summary>Stacks named on the command line: <c>stacks/Pulumi.&lt;stack&gt;.yaml</c> under the project root.</summary>
public static class StackDesigns
{
    /// <summary>
    /// A verb reads a stack once for its design and again for the pipelines that deploy it (their secrets
    /// provider): one run binds each stack file once.
    /// </summary>
    private static readonly ConditionalWeakTable<CliContext, Dictionary<string, StackConfig>> Loaded = new();

    public static CompiledStack Compile(string stack, CliContext context) => context.Compiler(Load(stack, context));

    /// <summary>The config, its source made relative to the root so that reports do not depend on the clone's path.</summary>
    public static StackConfig Load(string stack, CliContext context)
    {
        var loaded = Loaded.GetOrCreateValue(context);
        if (!loaded.TryGetValue(stack, out var config))
        {
            config = StackConfigLoader.FromFile(Path.Combine(context.Root, StackConfigLoader.StacksDirectoryName), stack, SiteCatalog.ClusterProviders);
            config = config with { Source = Path.GetRelativePath(context.Root, config.Source) };
            loaded.Add(stack, config);
        }

        return config;
    }
}
