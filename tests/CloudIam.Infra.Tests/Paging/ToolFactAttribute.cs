namespace CloudIam.Infra.Tests.Paging;

/// <summary>
/// A test that runs a real tool (Debian's amtool or promtool). It is skipped only on a developer machine without the
/// tool; in CI (<c>CI</c> set, as GitLab does) it always runs, so a missing tool fails instead of passing unnoticed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(string tool)
    {
        if (ExternalTool.Find(tool) is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = $"{tool} is not installed (apt-get install {ExternalTool.Package(tool)}); CI installs it";
        }
    }
}
