using System.Collections.Immutable;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Pulumi.Resources.Aws;

/// <summary>A customer-managed KMS key; without a <c>policy</c> the account's default key policy applies.</summary>
public sealed record KmsKey : IResourceArgs
{
    public static string Token => "aws:kms/key:Key";

    public Input<string>? Description { get; init; }

    public Input<bool>? EnableKeyRotation { get; init; }

    /// <summary>7 to 30 days between scheduling a deletion and the key being gone.</summary>
    public Input<int>? DeletionWindowInDays { get; init; }

    public ImmutableSortedDictionary<string, string>? Tags { get; init; }
}

public static class KmsKeyOutputs
{
    public static Output<string> Arn(this Resource<KmsKey> key) => key.Output<string>("arn");
}
