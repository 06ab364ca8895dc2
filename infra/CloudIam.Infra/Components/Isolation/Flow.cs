using System.Collections.Immutable;
using CloudIam.Pulumi.Resources.Kubernetes;

namespace CloudIam.Infra.Components.Isolation;

public enum FlowDirection
{
    Ingress,
    Egress,
}

/// <summary>
/// One allowed flow of a namespace on top of default-deny, emitted as its own NetworkPolicy (<c>allow-&lt;name&gt;</c>)
/// with the reason in <see cref="WhyAnnotation"/>, so the cluster itself says why each opening exists.
/// </summary>
public sealed record Flow
{
    public const string WhyAnnotation = "cloudiam.io/why";

    public required string Name { get; init; }

    public required string Why { get; init; }

    public required FlowDirection Direction { get; init; }

    /// <summary>Who is on the other side; empty means any address (only with <see cref="Ports"/>).</summary>
    public required ImmutableArray<FlowPeer> Peers { get; init; }

    /// <summary>Ports of the pod receiving the connection; empty means every port.</summary>
    public ImmutableArray<FlowPort> Ports { get; init; } = [];

    /// <summary>Pod labels of this namespace the flow applies to; null means every pod of the namespace.</summary>
    public ImmutableSortedDictionary<string, string>? Pods { get; init; }

    public string PolicyName => $"allow-{Name}";

    /// <summary>Ingress from the pods <paramref name="peer"/> names, on <paramref name="ports"/> (every port when none).</summary>
    public static Flow From(string name, string why, FlowPeer peer, params ImmutableArray<FlowPort> ports) =>
        new() { Name = name, Why = why, Direction = FlowDirection.Ingress, Peers = [peer], Ports = ports };

    /// <summary>Egress to what <paramref name="peer"/> names, on <paramref name="ports"/> (every port when none).</summary>
    public static Flow To(string name, string why, FlowPeer peer, params ImmutableArray<FlowPort> ports) =>
        new() { Name = name, Why = why, Direction = FlowDirection.Egress, Peers = [peer], Ports = ports };

    /// <summary>Egress to public addresses only.</summary>
    public static Flow ToInternet(string name, string why, params ImmutableArray<FlowPort> ports) => To(name, why, FlowPeer.Internet, ports);

    /// <summary>
    /// Egress to the Kubernetes API server, for <paramref name="why"/>. The API server is outside the pod network (a
    /// public Kapsule endpoint, EKS interfaces in the VPC): only its ports (Kapsule 6443, EKS 443) can be named.
    /// </summary>
    public static Flow ToApiServer(string why) => new()
    {
        Name = "api-server",
        Why = $"{why}; the API server is outside the pod network, so only its ports can be named",
        Direction = FlowDirection.Egress,
        Peers = [],
        Ports = [FlowPort.Tcp(443), FlowPort.Tcp(6443)],
    };

    public NetworkPolicySpec Spec()
    {
        if (Peers.IsEmpty && Ports.IsEmpty)
        {
            throw new InvalidOperationException($"flow '{Name}' names neither a peer nor a port: it would allow everything");
        }

        ImmutableArray<NetworkPolicyPeer>? peers = Peers.IsEmpty ? null : [.. Peers.SelectMany(peer => peer.Selectors)];
        ImmutableArray<NetworkPolicyPort>? ports = Ports.IsEmpty ? null : [.. Ports.Select(port => new NetworkPolicyPort { Port = port.Number, Protocol = port.Protocol })];
        var selector = new LabelSelector { MatchLabels = Pods };
        return Direction == FlowDirection.Ingress
            ? new NetworkPolicySpec { PodSelector = selector, PolicyTypes = ["Ingress"], Ingress = [new NetworkPolicyIngressRule { From = peers, Ports = ports }] }
            : new NetworkPolicySpec { PodSelector = selector, PolicyTypes = ["Egress"], Egress = [new NetworkPolicyEgressRule { To = peers, Ports = ports }] };
    }
}

/// <summary>A port of the receiving pod (container port, not the Service port in front of it).</summary>
public sealed record FlowPort(int Number, string Protocol)
{
    public static FlowPort Tcp(int number) => new(number, "TCP");

    public static FlowPort Udp(int number) => new(number, "UDP");
}

/// <summary>The other side of a flow, as NetworkPolicy peers.</summary>
public sealed record FlowPeer
{
    /// <summary>Private, link-local (instance metadata) and carrier-grade NAT ranges: in-cluster and in-VPC addresses.</summary>
    public static readonly ImmutableArray<string> InternalRanges =
        ["10.0.0.0/8", "100.64.0.0/10", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16"];

    private FlowPeer(ImmutableArray<NetworkPolicyPeer> selectors) => Selectors = selectors;

    public ImmutableArray<NetworkPolicyPeer> Selectors { get; }

    /// <summary>Pods of this flow's own namespace.</summary>
    public static FlowPeer OwnNamespace { get; } = new([new NetworkPolicyPeer { PodSelector = new LabelSelector() }]);

    /// <summary>Pods of every namespace (not addresses outside the pod network).</summary>
    public static FlowPeer EveryNamespace { get; } = new([new NetworkPolicyPeer { NamespaceSelector = new LabelSelector() }]);

    /// <summary>Public addresses only: nothing inside the cluster or the VPC, not the instance metadata service.</summary>
    public static FlowPeer Internet { get; } = new([new NetworkPolicyPeer { IpBlock = new IpBlock { Cidr = "0.0.0.0/0", Except = InternalRanges } }]);

    /// <summary>Node addresses (hostNetwork pods, kubelets): the internal ranges, outside the pod network.</summary>
    public static FlowPeer NodeAddresses { get; } = new([.. InternalRanges.Where(range => range != "169.254.0.0/16")
        .Select(range => new NetworkPolicyPeer { IpBlock = new IpBlock { Cidr = range } })]);

    /// <summary>Pods of the namespace <paramref name="name"/>, optionally only those with <paramref name="pods"/> labels.</summary>
    public static FlowPeer Namespace(string name, ImmutableSortedDictionary<string, string>? pods = null) => new(
    [
        new NetworkPolicyPeer
        {
            NamespaceSelector = new LabelSelector { MatchLabels = Labels("kubernetes.io/metadata.name", name) },
            PodSelector = pods is null ? null : new LabelSelector { MatchLabels = pods },
        },
    ]);

    public static ImmutableSortedDictionary<string, string> Labels(string key, string value) =>
        ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal).Add(key, value);

    /// <summary>Pods of a chart, by the <c>app.kubernetes.io/name</c> label charts set from their name.</summary>
    public static ImmutableSortedDictionary<string, string> App(string chart) => Labels("app.kubernetes.io/name", chart);
}
