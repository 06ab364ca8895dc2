namespace CloudIam.Placement.Tests.Support;

/// <summary>Files of the repository the tests run from (the test binaries live under tests/…/bin).</summary>
internal static class RepoFiles
{
    public static string PathOf(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CloudIam.Infra.sln")))
            {
                return Path.Combine(directory.FullName, relative);
            }
        }

        throw new InvalidOperationException($"no CloudIam.Infra.sln above {AppContext.BaseDirectory}");
    }
}
