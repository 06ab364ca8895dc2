using CloudIam.Infra.Compilation;
using CloudIam.Infra.Stacks;

namespace CloudIam.Infra.Cli;

/// <summary>Stacks named on the command line: <c>stacks/Pulumi.&lt;stack&gt;.yaml</c> under the project root.</summary>
public static class StackDesigns
{
    public static CompiledStack Compile(string stack, CliContext context) => context.Compiler(Load(stack, context));

    /// <summary>The config, its source made relative to the root so that reports do not depend on the clone's path.</summary>
    public static StackConfig Load(string stack, CliContext context)
    {
        var config = StackConfigLoader.FromFile(Path.Combine(context.Root, StackConfigLoader.StacksDirectoryName), stack, SiteCatalog.ClusterProviders);
        return config with { Source = Path.GetRelativePath(context.Root, config.Source) };
    }
}
