using CloudIam.Pulumi.Resources.Aws;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Platform.Aws;

public sealed record AwsStateBucketArgs
{
    /// <summary>Where the state lives.</summary>
    public required ProviderScope Scope { get; init; }

    /// <summary>Another region, for the replica.</summary>
    public required ProviderScope ReplicaScope { get; init; }

    public required string BucketName { get; init; }

    /// <summary>The only principal that may use the bucket (the deploy role); S3's replication role aside.</summary>
    public required string DeployRoleArn { get; init; }
}

/// <summary>
/// The Pulumi state bucket on AWS and its replica in another region: both versioned, encrypted, closed to public
/// access and under a policy that refuses plain HTTP and every principal but the deploy role (and, for S3's own
/// copying, the replication role). Replication copies every new version, delete markers included, so a lost
/// region or a bad `pulumi up` leaves a readable history.
/// </summary>
public sealed class AwsStateBucket
{
    public AwsStateBucket(ProgramBuilder program, AwsStateBucketArgs args)
    {
        var scope = args.Scope;
        var replicationRole = program.Add(scope.LogicalName("state-replication-role"), new IamRole
        {
            Name = $"{args.BucketName}-replication",
            AssumeRolePolicy = Input.Json(Document(Statement("Allow", new ExprMap { ["Service"] = "s3.amazonaws.com" }, "sts:AssumeRole"))),
            Tags = StateBucket.Tags(),
        }, scope.Options());
        Bucket = Hardened(program, scope, "state", args.BucketName, args.DeployRoleArn, replicationRole);
        Replica = Hardened(program, args.ReplicaScope, "state-replica", $"{args.BucketName}-replica", args.DeployRoleArn, replicationRole);
        var policy = program.Add(scope.LogicalName("state-replication-policy"), new IamRolePolicy
        {
            Role = replicationRole.Name(),
            Name = "replicate-state",
            Policy = Input.Json(Document(
                Statement("Allow", null, new ExprList(["s3:GetReplicationConfiguration", "s3:ListBucket"]), Bucket.Arn()),
                Statement("Allow", null, new ExprList(["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"]), Expr.Format($"{Bucket.Arn()}/*")),
                Statement("Allow", null, new ExprList(["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"]), Expr.Format($"{Replica.Arn()}/*")))),
        }, scope.Options(parent: replicationRole));
        program.Add(scope.LogicalName("state-replication"), new S3BucketReplicationConfig
        {
            Bucket = Bucket.Id,
            Role = replicationRole.Arn(),
            Rules =
            [
                new S3ReplicationRule
                {
                    Id = "everything",
                    Status = "Enabled",
                    Filter = new S3ReplicationFilter(),
                    DeleteMarkerReplication = new S3ReplicationStatus { Status = "Enabled" },
                    Destination = new S3ReplicationDestination { Bucket = Replica.Arn(), StorageClass = "STANDARD" },
                },
            ],
        }, scope.Options(parent: Bucket, dependsOn: [policy]));
    }

    public Resource<S3Bucket> Bucket { get; }

    public Resource<S3Bucket> Replica { get; }

    private static Resource<S3Bucket> Hardened(
        ProgramBuilder program, ProviderScope scope, string name, string bucketName, string deployRoleArn, Resource<IamRole> replicationRole)
    {
        var bucket = program.Add(scope.LogicalName(name), new S3Bucket
        {
            Bucket = bucketName,
            ForceDestroy = false,
            Tags = StateBucket.Tags(),
        }, scope.Options(stateful: true));
        // Replication needs versioning on both sides, before the replication rule exists.
        program.Add(scope.LogicalName($"{name}-versioning"), new S3BucketVersioning
        {
            Bucket = bucket.Id,
            VersioningConfiguration = new S3VersioningConfiguration { Status = "Enabled" },
        }, scope.Options(parent: bucket));
        program.Add(scope.LogicalName($"{name}-encryption"), new S3BucketServerSideEncryptionConfiguration
        {
            Bucket = bucket.Id,
            Rules = [new SseRule { ApplyServerSideEncryptionByDefault = new SseDefault { SseAlgorithm = "AES256" }, BucketKeyEnabled = true }],
        }, scope.Options(parent: bucket));
        program.Add(scope.LogicalName($"{name}-public-access-block"), new S3BucketPublicAccessBlock
        {
            Bucket = bucket.Id,
            BlockPublicAcls = true,
            BlockPublicPolicy = true,
            IgnorePublicAcls = true,
            RestrictPublicBuckets = true,
        }, scope.Options(parent: bucket));
        var objects = new ExprList([bucket.Arn(), Expr.Format($"{bucket.Arn()}/*")]);
        program.Add(scope.LogicalName($"{name}-policy"), new S3BucketPolicy
        {
            Bucket = bucket.Id,
            Policy = Input.Json(Document(
                Statement("Deny", "*", "s3:*", objects, new ExprMap { ["Bool"] = new ExprMap { ["aws:SecureTransport"] = "false" } }),
                Statement("Deny", "*", "s3:*", objects, new ExprMap
                {
                    ["ArnNotEquals"] = new ExprMap { ["aws:PrincipalArn"] = new ExprList([deployRoleArn, replicationRole.Arn()]) },
                }))),
        }, scope.Options(parent: bucket));
        return bucket;
    }

    private static ExprMap Document(params Expr[] statements) => new()
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new ExprList([.. statements]),
    };

    private static ExprMap Statement(string effect, Expr? principal, Expr action, Expr? resource = null, ExprMap? condition = null)
    {
        var statement = new ExprMap { ["Effect"] = effect, ["Action"] = action };
        if (principal is not null)
        {
            statement = statement.With(new ExprMap { ["Principal"] = principal });
        }

        if (resource is not null)
        {
            statement = statement.With(new ExprMap { ["Resource"] = resource });
        }

        return condition is null ? statement : statement.With(new ExprMap { ["Condition"] = condition });
    }
}
