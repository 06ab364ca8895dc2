using System.Collections.Immutable;
using CloudIam.Infra.Compilation;
using CloudIam.Infra.Platform;
using CloudIam.Infra.Security;
using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Resources.Aws;
using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Resources.Scaleway;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Tests.Cli;

/// <summary>
/// The security gate of <c>compile</c>: the prod stack passes placement, so when one resource breaking a
/// SEC rule is added to its program, that finding alone must stop Pulumi — exit 1, nothing on stdout.
/// </summary>
public sealed class SecurityGateTests
{
    /// <summary>Per rule, one resource that breaks it (the logical name the finding must name).</summary>
    private static readonly Dictionary<string, (string Name, Action<ProgramBuilder> Declare)> Breaking = new(StringComparer.Ordinal)
    {
        ["SEC001"] = ("ssh-world", InWithoutBuilder),
        ["SEC002"] = ("plain-bucket", program => SecurityBaselineTests.BlockedS3Bucket(program, "plain-bucket")),
        ["SEC003"] = ("published", PublicBucket),
        ["SEC004"] = ("imds-v1", program => program.Add("imds-v1", new Ec2LaunchTemplate { MetadataOptions = new InstanceMetadataOptions { HttpTokens = "optional" } })),
        ["SEC005"] = ("eks-world", program => program.Add("eks-world", new EksCluster
        {
            RoleArn = "arn",
            VpcConfig = new EksVpcConfig { SubnetIds = ["subnet-1"], PublicAccessCidrs = ["0.0.0.0/0"] },
        })),
        ["SEC006"] = ("admin", program => program.Add("admin", new IamRolePolicyAttachment { Role = "nodes", PolicyArn = "arn:aws:iam::aws:policy/AdministratorAccess" })),
        ["SEC007"] = ("literal", program => program.Add("literal", new HelmRelease { Chart = "grafana", Values = new ExprMap { ["adminPassword"] = "hunter2" } })),
        ["SEC008"] = ("open-ui", program => program.Add("open-ui", SecurityBaselineTests.Ingress("alertmanager.example.com", annotations: []))),
        ["SEC009"] = ("no-tls", program => program.Add("no-tls", SecurityBaselineTests.Ingress("status.example.com", annotations: [("cloudiam.io/access", "public")], tls: false))),
        ["SEC010"] = ("leaky-config", program => program.Add("leaky-config", new KubernetesConfigMap
        {
            Metadata = new ObjectMeta { Name = "leaky-config" },
            Data = new ExprMap { ["url"] = program.SecretConfig("oncallWebhookUrl") },
        })),
        ["SEC011"] = ("scaleway-ranges", program => program.Add("scaleway-ranges", new KubernetesAcl
        {
            ClusterId = "fr-par/11111111-1111-1111-1111-111111111111",
            AclRules = [new AclRule { ScalewayRanges = true }],
        })),
        ["SEC012"] = ("creator-admin", program => program.Add("creator-admin", new EksCluster { RoleArn = "arn", VpcConfig = new EksVpcConfig { SubnetIds = ["subnet-1"] } })),
        ["SEC013"] = ("open-namespace", program => program.Add("open-namespace", new KubernetesNamespace { Metadata = new ObjectMeta { Name = "open" } })),
        ["SEC014"] = ("unlabelled-namespace", program => program.Add("unlabelled-namespace", new KubernetesNamespace { Metadata = new ObjectMeta { Name = "unlabelled" } })),
        ["SEC015"] = ("open-runner", program => program.Add("open-runner", new HelmRelease { Chart = "gitlab-runner", Namespace = "ci" })),
        ["SEC016"] = ("plain-state", program => program.Add("plain-state", new S3Bucket
        {
            Tags = ImmutableSortedDictionary.Create<string, string>().Add(StateBucket.PurposeKey, StateBucket.Purpose),
        })),
        ["SEC017"] = ("unencrypted-eks", program => program.Add("unencrypted-eks", new EksCluster { RoleArn = "arn", VpcConfig = new EksVpcConfig { SubnetIds = ["subnet-1"] } })),
        ["SEC018"] = ("silent-eks", program => program.Add("silent-eks", new EksCluster { RoleArn = "arn", VpcConfig = new EksVpcConfig { SubnetIds = ["subnet-1"] } })),
        ["SEC019"] = ("public-pool", program => program.Add("public-pool", new KubernetesPool { ClusterId = "fr-par/11111111-1111-1111-1111-111111111111", NodeType = "PRO2-S", Size = 1 })),
    };

    /// <summary>Breaking resources of types the program has no builder for, declared as another program would.</summary>
    private static readonly Dictionary<string, ResourceDeclaration> WithoutBuilder = new(StringComparer.Ordinal)
    {
        ["SEC001"] = SecurityBaselineTests.Raw("ssh-world", "aws:ec2/securityGroup:SecurityGroup", new ExprMap
        {
            ["ingress"] = new ExprList([new ExprMap { ["fromPort"] = 22, ["toPort"] = 22, ["protocol"] = "tcp", ["cidrBlocks"] = new ExprList(["0.0.0.0/0"]) }]),
        }),
    };

    public static TheoryData<string> Rules => [.. SecurityBaseline.Checks.Select(check => check.Id)];

    [Fact]
    public void Every_rule_of_the_baseline_has_a_breaking_resource_here()
    {
        Assert.Equal(SecurityBaseline.Checks.Select(check => check.Id).Order(StringComparer.Ordinal), Breaking.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Compile_refuses_the_prod_stack_when_its_program_breaks_the_rule(string rule)
    {
        var (name, declare) = Breaking[rule];

        var result = CliHarness.RunWith(config => With(config, declare, WithoutBuilder.TryGetValue(rule, out var raw) ? [raw] : []), "compile", "--stack", "prod");

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains("stack 'prod' is refused", result.Error, StringComparison.Ordinal);
        Assert.Contains($"error {rule} {name}: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_security_finding_alone_refuses_a_stack_whose_placement_passes()
    {
        var result = CliHarness.RunWith(config => With(config, Breaking["SEC007"].Declare), "compile", "--stack", "prod");

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.DoesNotContain("error PL", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n'), line => line.StartsWith("error SEC", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_seam_with_a_harmless_addition_compiles()
    {
        static void Private(ProgramBuilder program)
        {
            var bucket = program.Add("private", new ObjectBucket());
            program.Add("private-acl", new ObjectBucketAcl { Bucket = bucket.Name(), Acl = "private" });
        }

        var result = CliHarness.RunWith(config => With(config, Private), "compile", "--stack", "prod");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("private-acl", result.Out, StringComparison.Ordinal);
    }

    /// <summary>The breaking resource is a type without a builder: it is in <see cref="WithoutBuilder"/>.</summary>
    private static void InWithoutBuilder(ProgramBuilder program)
    {
    }

    private static void PublicBucket(ProgramBuilder program)
    {
        var bucket = program.Add("published", new ObjectBucket());
        program.Add("published-acl", new ObjectBucketAcl { Bucket = bucket.Name(), Acl = "public-read" });
    }

    private static CompiledStack With(StackConfig config, Action<ProgramBuilder> declare, params ResourceDeclaration[] raw)
    {
        var program = CompiledStack.Compile(config).Program;
        var extra = new ProgramBuilder(program.Name);
        declare(extra);
        return CompiledStack.From(config, program with { Resources = [.. program.Resources, .. extra.Build().Resources, .. raw] });
    }
}
