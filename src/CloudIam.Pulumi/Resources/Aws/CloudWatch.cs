using System.Collections.Immutable;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Pulumi.Resources.Aws;

/// <summary>
/// A CloudWatch log group. EKS writes control-plane logs to <c>/aws/eks/&lt;cluster&gt;/cluster</c> and creates
/// that group without a retention when it does not exist yet, so the program declares it first.
/// </summary>
public sealed record CloudWatchLogGroup : IResourceArgs
{
    public static string Token => "aws:cloudwatch/logGroup:LogGroup";

    public Input<string>? Name { get; init; }

    /// <summary>Days; one of the values CloudWatch accepts (1, 3, 5, 7, 14, 30, 60, 90, …).</summary>
    public Input<int>? RetentionInDays { get; init; }

    public ImmutableSortedDictionary<string, string>? Tags { get; init; }
}
