using System.Collections.Immutable;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Pulumi.Resources.Kubernetes;

/// <summary>
/// <c>networking.k8s.io/v1</c> NetworkPolicy. Policies are additive allow-lists: once any policy selects a pod for a
/// direction, only what some policy allows passes.
/// </summary>
public sealed record NetworkPolicy : IResourceArgs
{
    public static string Token => "kubernetes:networking.k8s.io/v1:NetworkPolicy";

    public required ObjectMeta Metadata { get; init; }

    public required NetworkPolicySpec Spec { get; init; }
}

public sealed record NetworkPolicySpec : IArgsObject
{
    /// <summary>An empty selector selects every pod of the namespace.</summary>
    public required LabelSelector PodSelector { get; init; }

    /// <summary><c>Ingress</c>, <c>Egress</c>.</summary>
    public required ImmutableArray<string> PolicyTypes { get; init; }

    public ImmutableArray<NetworkPolicyIngressRule>? Ingress { get; init; }

    public ImmutableArray<NetworkPolicyEgressRule>? Egress { get; init; }
}

public sealed record LabelSelector : IArgsObject
{
    public ImmutableSortedDictionary<string, string>? MatchLabels { get; init; }
}

public sealed record NetworkPolicyIngressRule : IArgsObject
{
    public ImmutableArray<NetworkPolicyPeer>? From { get; init; }

    public ImmutableArray<NetworkPolicyPort>? Ports { get; init; }
}

public sealed record NetworkPolicyEgressRule : IArgsObject
{
    public ImmutableArray<NetworkPolicyPeer>? To { get; init; }

    public ImmutableArray<NetworkPolicyPort>? Ports { get; init; }
}

/// <summary>A namespace and/or pod selector, or an address block.</summary>
public sealed record NetworkPolicyPeer : IArgsObject
{
    public LabelSelector? NamespaceSelector { get; init; }

    public LabelSelector? PodSelector { get; init; }

    public IpBlock? IpBlock { get; init; }
}

public sealed record IpBlock : IArgsObject
{
    public required Input<string> Cidr { get; init; }

    public ImmutableArray<string>? Except { get; init; }
}

public sealed record NetworkPolicyPort : IArgsObject
{
    public Input<int>? Port { get; init; }

    /// <summary><c>TCP</c> (default), <c>UDP</c>, <c>SCTP</c>.</summary>
    public Input<string>? Protocol { get; init; }
}

/// <summary><c>spec</c> is the Kubernetes API object (rules, tls, ingressClassName), not provider schema.</summary>
public sealed record KubernetesIngress : IResourceArgs
{
    public static string Token => "kubernetes:networking.k8s.io/v1:Ingress";

    public required ObjectMeta Metadata { get; init; }

    public required ExprMap Spec { get; init; }
}
