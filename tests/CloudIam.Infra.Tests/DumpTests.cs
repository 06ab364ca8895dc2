using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Tests;

public class DumpTests
{
    [Fact]
    public void Dump()
    {
        File.WriteAllText("/tmp/prod.yaml", ProgramEmitter.Emit(Repository.Program("prod")));
    }
}
