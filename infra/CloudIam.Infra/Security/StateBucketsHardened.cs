using CloudIam.Infra.Platform;
using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.Resources.Aws;
using CloudIam.Pulumi.Resources.Scaleway;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC016: buckets tagged as Pulumi state (<c>cloudiam.io/purpose: pulumi-state</c>) are versioned and under a policy
/// that admits only the deploy principal; on AWS the policy also refuses plain HTTP and the bucket is replicated to
/// (or is the replica of) another bucket. Encryption and public access are SEC002 and SEC003, as for every bucket.
/// </summary>
public sealed class StateBucketsHardened(ProviderCatalog providers) : ISecurityCheck
{
    public string Id => "SEC016";

    public string Title => "State buckets are versioned, replicated and for the deploy role only";

    public string Why =>
        "The state holds every secret of the stacks and the Kapsule admin kubeconfig. Whoever reads it owns both "
        + "providers; whoever deletes or corrupts it leaves the program unable to manage what it built.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program)
    {
        return WithRole(program, providers, ResourceRole.Bucket).Where(IsState).SelectMany(bucket => Problems(program, bucket).Select(problem => Finding(bucket, problem)));
    }

    private static bool IsState(ResourceDeclaration bucket) =>
        Text((bucket.Property("tags") as ExprMap)?.GetValueOrDefault(StateBucket.PurposeKey)) == StateBucket.Purpose;

    /// <summary>
    /// Versioning, access and replication are separate resources whose shapes differ per provider, so the checks are
    /// per provider (by its provider file's name); a state bucket of a provider without them is reported, not skipped.
    /// </summary>
    private IEnumerable<string> Problems(PulumiProgram program, ResourceDeclaration bucket) => providers.OfType(bucket.Type)?.Name switch
    {
        "aws" => S3Problems(program, bucket),
        "scaleway" => ScalewayProblems(program, bucket),
        _ => [$"no hardening checks for {bucket.Type}: state buckets must live where the baseline can verify them"],
    };

    private static IEnumerable<string> S3Problems(PulumiProgram program, ResourceDeclaration bucket)
    {
        if (!Referring<S3BucketVersioning>(program, bucket, "bucket").Any(versioning => Text(versioning.Property("versioningConfiguration.status")) == "Enabled"))
        {
            yield return "no BucketVersioning with status Enabled";
        }

        var policies = Referring<S3BucketPolicy>(program, bucket, "bucket").ToList();
        if (!policies.Any(policy => Entries(policy.Properties).Any(entry => entry.Key == "aws:SecureTransport" && Text(entry.Value) == "false")))
        {
            yield return "no bucket policy denies requests without TLS (aws:SecureTransport false)";
        }

        if (!policies.Any(policy => Entries(policy.Properties).Any(entry => entry.Key == "aws:PrincipalArn")))
        {
            yield return "no bucket policy limits access to the deploy role (a Deny on aws:PrincipalArn)";
        }

        var replicated = program.OfType<S3BucketReplicationConfig>().Any(replication =>
            replication.Refers(bucket.LogicalName, "bucket") || replication.Refers(bucket.LogicalName, "rules"));
        if (!replicated)
        {
            yield return "neither replicated nor a replica: add a BucketReplicationConfig to a bucket in another region";
        }
    }

    private static IEnumerable<string> ScalewayProblems(PulumiProgram program, ResourceDeclaration bucket)
    {
        if (Bool(bucket.Property("versioning.enabled")) != true)
        {
            yield return "set versioning.enabled: true";
        }

        if (!Referring<ObjectBucketPolicy>(program, bucket, "bucket").Any())
        {
            yield return "no bucket policy limits access to the deploy application";
        }
    }

    private SecurityFinding Finding(ResourceDeclaration bucket, string message) =>
        new() { CheckId = Id, Resource = bucket.LogicalName, Message = message };
}
