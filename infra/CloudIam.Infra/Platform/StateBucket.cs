using System.Collections.Immutable;
using CloudIam.Infra.Capabilities;

namespace CloudIam.Infra.Platform;

/// <summary>What marks a bucket as holding Pulumi state, for the security baseline to hold it to a higher bar.</summary>
public static class StateBucket
{
    public const string PurposeKey = "cloudiam.io/purpose";

    public const string Purpose = "pulumi-state";

    public static ImmutableSortedDictionary<string, string> Tags() => Capability.Map(Capability.Platform).Add(PurposeKey, Purpose);
}
