using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Resources.Scaleway;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Pulumi.Tests.Yaml;

public class ProgramBuilderTests
{
    [Fact]
    public void A_handle_from_another_program_cannot_be_referenced()
    {
        var other = new ProgramBuilder("other").Add("vpc", new NetworkVpc());
        var program = new ProgramBuilder("p");

        var error = Assert.Throws<InvalidOperationException>(() => program.Add("pn", new NetworkPrivateNetwork { VpcId = other.Id }));
        Assert.Contains("'vpc'", error.Message);
        Assert.Throws<InvalidOperationException>(() => program.Add("pn2", new NetworkPrivateNetwork(), new ResourceOptions { Parent = other }));
        Assert.Throws<InvalidOperationException>(() => program.Output("o", other.Id));
    }

    [Fact]
    public void A_config_key_must_be_declared_by_the_program()
    {
        var program = new ProgramBuilder("p");
        var undeclared = new ConfigKey { Name = "token", Secret = true };

        Assert.Throws<InvalidOperationException>(() =>
            program.Add("r", new HelmRelease { Chart = "c", Values = new ExprMap { ["token"] = undeclared } }));
    }

    [Fact]
    public void Logical_names_are_unique_and_usable_in_references()
    {
        var program = new ProgramBuilder("p");
        program.Add("vpc", new NetworkVpc());

        Assert.Throws<InvalidOperationException>(() => program.Add("vpc", new NetworkVpc()));
        Assert.Throws<ArgumentException>(() => program.Add("bad.name", new NetworkVpc()));
        Assert.Throws<ArgumentException>(() => program.SecretConfig("not-a-key"));
    }

    [Fact]
    public void Providers_are_declared_pinned()
    {
        var program = new ProgramBuilder("p");

        Assert.Throws<InvalidOperationException>(() => program.Add("scw", new ScalewayProvider()));
        var declared = program.Build();
        Assert.Empty(declared.Resources);
    }

    [Fact]
    public void Secret_config_is_declared_once()
    {
        var program = new ProgramBuilder("p");

        Assert.Same(program.SecretConfig("token"), program.SecretConfig("token"));
        Assert.Single(program.Build().Config);
    }
}
