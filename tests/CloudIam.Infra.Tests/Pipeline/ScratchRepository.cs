using CloudIam.Pulumi.Pipelines;

namespace CloudIam.Infra.Tests.Pipeline;

/// <summary>
/// A temporary copy of what the CLI reads from the repository (project, stacks, policy, pipeline), so a
/// test can break the copy of one file and see what the check says.
/// </summary>
internal sealed class ScratchRepository : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("cloudiam-pipeline-");

    public ScratchRepository()
    {
        foreach (var file in new[] { "Pulumi.yaml", PipelineReader.GitLabFile, "policy/placement.yaml" }
            .Concat(Directory.GetFiles(Repository.Stacks, "Pulumi.*.yaml").Select(f => Path.GetRelativePath(Repository.Root, f))))
        {
            var target = Path.Combine(_root.FullName, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(Repository.Root, file), target);
        }
    }

    public string Root => _root.FullName;

    /// <summary>Rewrites one copied file; fails when <paramref name="edit"/> changes nothing, so a test cannot pass vacuously.</summary>
    public ScratchRepository Edit(string file, Func<string, string> edit)
    {
        var path = Path.Combine(Root, file);
        var before = File.ReadAllText(path);
        var after = edit(before);
        Assert.NotEqual(before, after);
        File.WriteAllText(path, after);
        return this;
    }

    /// <summary>The pipeline without the job <paramref name="name"/> (its block, up to the next blank line).</summary>
    public ScratchRepository WithoutJob(string name) => Edit(PipelineReader.GitLabFile, text =>
    {
        var start = text.IndexOf($"\n{name}:\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no job {name}");
        var end = text.IndexOf("\n\n", start + 1, StringComparison.Ordinal);
        return text[..start] + (end < 0 ? "\n" : text[end..]);
    });

    public void Dispose() => _root.Delete(recursive: true);
}
