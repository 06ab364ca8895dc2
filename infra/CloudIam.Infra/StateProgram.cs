using System.Collections.Immutable;
using CloudIam.Infra.Platform;
using CloudIam.Infra.Platform.Aws;
using CloudIam.Infra.Platform.Scaleway;
using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Resources.Aws;
using CloudIam.Pulumi.Resources.Scaleway;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra;

/// <summary>
/// The bootstrap program (project <c>cloudiam-state</c>, folder <c>bootstrap/</c>): the buckets that hold the
/// Pulumi state of the tooling stacks, on both providers. It runs before the tooling exists and keeps its own
/// state outside these buckets (see README "Security baseline"), so it is a program of its own.
/// </summary>
public static class StateProgram
{
    public const string ProjectName = "cloudiam-state";

    public static PulumiProgram Build(StackConfig config, StateConfig state)
    {
        var program = new ProgramBuilder(ProjectName)
        {
            Description = "Pulumi state buckets of the Cloud-IAM tooling stacks, on Scaleway and AWS",
        };
        var aws = new AwsStateBucket(program, new AwsStateBucketArgs
        {
            Scope = AwsScope(program, config, "state-aws", state.AwsRegion),
            ReplicaScope = AwsScope(program, config, "state-aws-replica", state.AwsReplicaRegion),
            BucketName = $"{state.BucketPrefix}-aws",
            DeployRoleArn = state.DeployRoleArn,
        });
        var scaleway = new ScalewayStateBucket(program, new ScalewayStateBucketArgs
        {
            Scope = new ProviderScope
            {
                Prefix = "state-scaleway",
                CloudName = state.BucketPrefix,
                Provider = program.AddProvider("state-scaleway", new ScalewayProvider { Region = state.ScalewayRegion }),
                Region = state.ScalewayRegion,
                Protect = true,
            },
            BucketName = $"{state.BucketPrefix}-scw",
            DeployApplicationId = state.ScalewayDeployApplicationId,
        });
        program.Output("awsBackendUrl", Expr.Format($"s3://{aws.Bucket.BucketName()}?region={state.AwsRegion}"));
        program.Output("scalewayBucket", scaleway.Bucket.Name());
        return program.Build();
    }

    private static ProviderScope AwsScope(ProgramBuilder program, StackConfig config, string prefix, string region) => new()
    {
        Prefix = prefix,
        CloudName = $"cloudiam-{config.Stack}-{prefix}",
        Provider = program.AddProvider(prefix, new AwsProvider
        {
            Region = region,
            DefaultTags = new ProviderDefaultTags
            {
                Tags = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
                [
                    KeyValuePair.Create("cloudiam.io/stack", config.Stack),
                    KeyValuePair.Create("cloudiam.io/managed-by", "pulumi"),
                ]),
            },
        }),
        Region = region,
        // State is never destroyed by a `pulumi destroy`, whatever the stack's own setting.
        Protect = true,
    };
}
