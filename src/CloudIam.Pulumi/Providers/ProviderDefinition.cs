using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CloudIam.Placement.Catalog;

namespace CloudIam.Pulumi.Providers;

/// <summary>What the checker knows of one cloud provider (or one package such as Kubernetes): one provider file.</summary>
public sealed record ProviderDefinition
{
    /// <summary>The provider as failure domains name it (<c>scaleway</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The file it was read from, for messages.</summary>
    public required string Source { get; init; }

    /// <summary>Pulumi package names whose types belong to this provider (the part of a token before the first colon).</summary>
    public required ImmutableArray<string> Packages { get; init; }

    /// <summary>Type token → role.</summary>
    public required FrozenDictionary<string, ResourceRole> Roles { get; init; }

    /// <summary>Token prefixes (<c>aws:iam/</c>) of account-wide modules, whose resources live in no region.</summary>
    public required ImmutableArray<string> GlobalModules { get; init; }

    public required ProviderInputs Inputs { get; init; }

    /// <summary>Matches a zone of this provider; its <c>region</c> group is the zone's region.</summary>
    public required Regex? ZoneRegion { get; init; }

    /// <summary>Matches the host of a managed cluster's API server; its <c>region</c> group is the cluster's region.</summary>
    public required Regex? ApiServerHost { get; init; }

    /// <summary>Resources of this package run on the cluster their provider's kubeconfig points to (Kubernetes).</summary>
    public required bool RunsOnCluster { get; init; }

    /// <summary>Provider-internal services resources depend on without declaring them.</summary>
    public required ImmutableArray<ProviderService> Services { get; init; }

    /// <summary>The provider's public status page, for the status page's "cloud-providers" group.</summary>
    public required ProviderStatusPage? Status { get; init; }

    /// <summary>
    /// The input of an <c>api-access-list</c> rule that admits the provider's own address ranges (every customer's
    /// machines there), which SEC011 refuses; null when the provider has none.
    /// </summary>
    public string? ApiAccessProviderRanges { get; init; }

    /// <summary>How the inbound rules of the provider's firewalls read; null when it has none the checker knows.</summary>
    public ProviderFirewall? Firewall { get; init; }

    /// <summary>How the provider's instances protect their metadata service; null when it hands out no credentials there.</summary>
    public ProviderInstanceMetadata? InstanceMetadata { get; init; }

    /// <summary>
    /// What the security rules require of this provider's resources, by subject (<c>clusterAdmins</c>) then
    /// requirement (<c>accessEntries</c>): where each setting lives, or that the provider does not offer it.
    /// A subject or requirement missing here is one the rules cannot verify, and they report it.
    /// </summary>
    public FrozenDictionary<string, ProviderSecuritySubject> Security { get; init; } = FrozenDictionary<string, ProviderSecuritySubject>.Empty;

    /// <summary>Where requirement <paramref name="name"/> of <paramref name="subject"/> lives; null when this file does not say.</summary>
    public ProviderRequirement? Requirement(string subject, string name) => Security.GetValueOrDefault(subject) switch
    {
        null => null,
        { NotOffered: { } reason } => new ProviderRequirement { NotOffered = reason },
        var known => known.Requirements.GetValueOrDefault(name),
    };
}

/// <summary>What one subject of the security rules (<c>stateBucket</c>) needs, or why the provider has none of it.</summary>
public sealed record ProviderSecuritySubject
{
    public string? NotOffered { get; init; }

    public required FrozenDictionary<string, ProviderRequirement> Requirements { get; init; }
}

/// <summary>Input (then output) names that carry a resource's location and attachments.</summary>
public sealed record ProviderInputs
{
    public required ImmutableArray<string> Region { get; init; }

    public required ImmutableArray<string> Zone { get; init; }

    /// <summary>Inputs whose source resources (by <c>propertyDependencies</c>) place a resource on a network.</summary>
    public required ImmutableArray<string> Network { get; init; }

    /// <summary>The network inputs that name subnets: one subnet makes a resource zonal, several regional.</summary>
    public required ImmutableArray<string> Subnet { get; init; }
}

public sealed record ProviderStatusPage
{
    public required string Url { get; init; }

    /// <summary>Gatus conditions (<c>[STATUS] == 200</c>).</summary>
    public required ImmutableArray<string> Conditions { get; init; }
}

/// <summary>Input names of inbound firewall rules (roles <c>firewall</c>, <c>firewall-rules</c>).</summary>
public sealed record ProviderFirewall
{
    /// <summary>List inputs holding one map per inbound rule; a <c>firewall-rules</c> resource without them is one rule.</summary>
    public required ImmutableArray<string> Rules { get; init; }

    /// <summary>Inputs naming the address ranges a rule admits.</summary>
    public required ImmutableArray<string> Source { get; init; }

    public required ImmutableArray<string> FromPort { get; init; }

    public required ImmutableArray<string> ToPort { get; init; }

    /// <summary>Inputs holding a <c>low-high</c> port range.</summary>
    public required ImmutableArray<string> PortRange { get; init; }

    public required ImmutableArray<string> Protocol { get; init; }

    /// <summary>Protocol values meaning every protocol and port (AWS <c>-1</c>).</summary>
    public required ImmutableArray<string> AnyProtocol { get; init; }

    /// <summary>Protocols without ports (ICMP): a rule of one opens no port.</summary>
    public required ImmutableArray<string> Portless { get; init; }

    /// <summary>The input and value of a rule that admits traffic; null when every rule admits.</summary>
    public required (string Input, string Value)? Accept { get; init; }

    /// <summary>True when the provider reads a rule without source as every address and without port as every port.</summary>
    public required bool OpenWhenUnset { get; init; }

    /// <summary>The input holding a firewall's default inbound policy, which admits everything unless set to another value than <see cref="Accept"/>'s.</summary>
    public required string? DefaultPolicy { get; init; }
}

/// <summary>Input paths of the metadata service settings (roles <c>instance</c>, <c>instance-template</c>, <c>node-pool</c>).</summary>
public sealed record ProviderInstanceMetadata
{
    /// <summary>Path and value requiring session tokens (<c>metadataOptions.httpTokens</c> = <c>required</c>).</summary>
    public required (string Path, string Value) Tokens { get; init; }

    /// <summary>Path and value turning the endpoint off.</summary>
    public required (string Path, string Value) EndpointOff { get; init; }

    /// <summary>Path of a node pool's reference to the instance template it launches from.</summary>
    public required string NodePoolTemplate { get; init; }
}

/// <summary>
/// One setting a security rule requires of a resource, as the provider spells it: on the resource itself, or on a
/// resource of role <see cref="On"/> that refers to it (<see cref="Via"/>) or is named after it (<see cref="Named"/>).
/// Met when one of those resources has a literal at <see cref="Path"/> (or at a map key <see cref="Key"/>, at any
/// depth) holding every one of <see cref="Values"/> (a list holds them as items); with no values, any value will
/// do; with neither path nor key, the referring resource's existence is enough. A requirement with
/// <see cref="Forbidden"/> is the reverse, a "must not grant": no literal at its path or key on a resource (of role
/// <see cref="On"/>, when given, and referring to the checked resource through <see cref="Via"/>, when given) may
/// match one of those patterns.
/// </summary>
public sealed record ProviderRequirement
{
    /// <summary>Why the provider has no such setting; the requirement does not apply there.</summary>
    public string? NotOffered { get; init; }

    public ResourceRole? On { get; init; }

    /// <summary>Inputs of the <see cref="On"/> resource that refer to the checked resource.</summary>
    public ImmutableArray<string> Via { get; init; } = [];

    /// <summary>
    /// An input of the <see cref="On"/> resource and the value it must have, in which <c>{input}</c> stands for the
    /// checked resource's literal input (<c>name=/aws/eks/{name}/cluster</c>).
    /// </summary>
    public (string Input, string Template)? Named { get; init; }

    /// <summary>Dotted input path (<c>accessConfig.authenticationMode</c>).</summary>
    public string? Path { get; init; }

    /// <summary>A map key found at any depth (a policy condition such as <c>aws:SecureTransport</c>).</summary>
    public string? Key { get; init; }

    public ImmutableArray<string> Values { get; init; } = [];

    /// <summary>Patterns no literal at the path or key may match (<c>^AdministratorAccess$</c>); empty for a requirement to meet.</summary>
    public ImmutableArray<Regex> Forbidden { get; init; } = [];

    /// <summary>The finding's advice when unmet; by default one is made from the above.</summary>
    public string? Fix { get; init; }
}
