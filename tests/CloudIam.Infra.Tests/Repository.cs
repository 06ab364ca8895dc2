using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Tests;

/// <summary>Paths of the repository the tests run in, and the stacks compiled from it.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Stacks => Path.Combine(Root, StackConfigLoader.StacksDirectoryName);

    public static string Fixtures => Path.Combine(Root, "tests", "fixtures", "stacks");

    /// <summary>pulumi-facts, next to the repository in CI and in worktrees (<c>../shared/reference/</c>).</summary>
    public static string? Facts => Path.Combine(Root, "..", "shared", "reference", "pulumi-facts.md") is var path && File.Exists(path) ? path : null;

    public static StackConfig Stack(string name) =>
        File.Exists(Path.Combine(Stacks, $"Pulumi.{name}.yaml"))
            ? StackConfigLoader.FromFile(Stacks, name)
            : StackConfigLoader.FromFile(Fixtures, name);

    public static PulumiProgram Program(string stack) => CloudIamProgram.Build(Stack(stack));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CloudIam.Infra.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the tests do not run inside the repository");
    }
}
