using CloudIam.Pulumi.Resources;
using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Pulumi.Tests.Yaml;

public class ProviderSchemaTests
{
    private static readonly ProviderSchema Schema = ProviderSchema.Load();

    [Fact]
    public void A_valid_program_has_no_problems()
    {
        Assert.Empty(Schema.Validate(ProgramEmitterTests.SampleProgram()));
    }

    [Fact]
    public void Validation_finds_unknown_tokens_properties_outputs_and_missing_required_properties()
    {
        var program = new ProgramBuilder("p");
        var release = program.Add("release", new HelmRelease { Chart = "c" });
        var declared = program.Build();
        var valid = declared.Resources[0];
        var broken = declared with
        {
            Resources =
            [
                valid with { Properties = valid.Properties.With(new ExprMap { ["chartName"] = "x", ["repositoryOpts"] = new ExprMap { ["url"] = "x" } }) },
                valid with { LogicalName = "other", Type = "kubernetes:helm.sh/v3:Chart" },
                valid with { LogicalName = "third", Properties = new ExprMap { ["values"] = release.Output<string>("statuz") } },
            ],
        };

        var problems = Schema.Validate(broken);

        Assert.Contains(problems, problem => problem.Contains("unknown property 'chartName'", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Contains("unknown property 'repositoryOpts.url'", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Contains("'other' (kubernetes:helm.sh/v3:Chart): unknown type token", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Contains("'third' (kubernetes:helm.sh/v3:Release): missing required property 'chart'", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Contains("has no output 'statuz'", StringComparison.Ordinal));
    }
}
