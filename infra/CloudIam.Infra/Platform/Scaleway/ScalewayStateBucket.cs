using CloudIam.Pulumi.Resources.Scaleway;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Platform.Scaleway;

public sealed record ScalewayStateBucketArgs
{
    public required ProviderScope Scope { get; init; }

    public required string BucketName { get; init; }

    /// <summary>The IAM application the deploy pipeline authenticates as; the only principal the policy admits.</summary>
    public required string DeployApplicationId { get; init; }
}

/// <summary>
/// The Pulumi state bucket on Scaleway: versioned, private ACL, and a bucket policy that admits only the deploy
/// application. Scaleway offers no cross-region replication and no customer-key encryption in the pinned SDK
/// data, so both are listed as out of scope in the README.
/// </summary>
public sealed class ScalewayStateBucket
{
    public ScalewayStateBucket(ProgramBuilder program, ScalewayStateBucketArgs args)
    {
        var scope = args.Scope;
        Bucket = program.Add(scope.LogicalName("state"), new ObjectBucket
        {
            Name = args.BucketName,
            Region = scope.Region,
            Versioning = new BucketVersioning { Enabled = true },
            ForceDestroy = false,
            Tags = StateBucket.Tags(),
        }, scope.Options(stateful: true));
        program.Add(scope.LogicalName("state-acl"), new ObjectBucketAcl
        {
            Bucket = Bucket.Name(),
            Acl = "private",
        }, scope.Options(parent: Bucket));
        var deployer = new ExprMap { ["SCW"] = $"application_id:{args.DeployApplicationId}" };
        program.Add(scope.LogicalName("state-policy"), new ObjectBucketPolicy
        {
            Bucket = Bucket.Name(),
            Region = scope.Region,
            Policy = Input.Json(new ExprMap
            {
                ["Version"] = "2023-04-17",
                ["Id"] = "deploy-only",
                ["Statement"] = new ExprList(
                [
                    new ExprMap
                    {
                        ["Sid"] = "DeployApplicationOnly",
                        ["Effect"] = "Allow",
                        ["Principal"] = deployer,
                        ["Action"] = new ExprList(["s3:ListBucket", "s3:GetObject", "s3:PutObject", "s3:DeleteObject"]),
                        ["Resource"] = new ExprList([Bucket.Name(), Expr.Format($"{Bucket.Name()}/*")]),
                    },
                ]),
            }),
        }, scope.Options(parent: Bucket));
    }

    public Resource<ObjectBucket> Bucket { get; }
}
