using System.Collections.Immutable;
using CloudIam.Pulumi.Resources.Kubernetes;

namespace CloudIam.Infra.Components.Isolation;

/// <summary>Pod Security Standards level a namespace enforces (<c>pod-security.kubernetes.io/enforce</c>).</summary>
public enum PodSecurityLevel
{
    Restricted,
    Baseline,
    Privileged,
}

/// <summary>
/// How a tooling namespace is isolated: the Pod Security level it enforces (with the reason when it is not
/// <c>restricted</c>) and the flows its NetworkPolicies allow on top of default-deny. Every namespace may resolve
/// DNS and talk within itself; everything else is listed here.
/// </summary>
public sealed record NamespaceIsolation
{
    public const string ReasonAnnotation = "cloudiam.io/pod-security-reason";

    /// <summary>Private, link-local (instance metadata) and carrier-grade NAT ranges: in-cluster and in-VPC addresses.</summary>
    public static readonly ImmutableArray<string> InternalRanges =
        ["10.0.0.0/8", "100.64.0.0/10", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16"];

    public required PodSecurityLevel PodSecurity { get; init; }

    /// <summary>Why the namespace cannot enforce <c>restricted</c>; required for any other level.</summary>
    public string? Reason { get; init; }

    /// <summary>Namespaces whose pods may open connections to this one (Prometheus scraping, Grafana querying).</summary>
    public ImmutableArray<string> IngressFrom { get; init; } = [];

    /// <summary>Pods here may reach pods of every namespace (Prometheus scraping), never the internal ranges outside pods.</summary>
    public bool EgressToAllNamespaces { get; init; }

    /// <summary>Pods here may reach the internet (webhooks, probes, GitLab), but not internal ranges.</summary>
    public bool EgressToInternet { get; init; }

    /// <summary>Pods here may reach the Kubernetes API server (operators, the runner manager), on 443 and 6443.</summary>
    public bool EgressToApiServer { get; init; }

    public ImmutableSortedDictionary<string, string> Labels()
    {
        var level = PodSecurity.ToString().ToLowerInvariant();
        return ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
        [
            KeyValuePair.Create("pod-security.kubernetes.io/enforce", level),
            // Warnings and audit entries show what still stands between the namespace and `restricted`.
            KeyValuePair.Create("pod-security.kubernetes.io/warn", "restricted"),
            KeyValuePair.Create("pod-security.kubernetes.io/audit", "restricted"),
        ]);
    }

    /// <summary>The NetworkPolicy specs, by name: default-deny first, then one allow per flow.</summary>
    public ImmutableArray<(string Name, NetworkPolicySpec Spec)> Policies()
    {
        var everyPod = new LabelSelector();
        var policies = ImmutableArray.CreateBuilder<(string, NetworkPolicySpec)>();
        policies.Add(("default-deny", new NetworkPolicySpec { PodSelector = everyPod, PolicyTypes = ["Ingress", "Egress"] }));
        policies.Add(("allow-dns", new NetworkPolicySpec
        {
            PodSelector = everyPod,
            PolicyTypes = ["Egress"],
            Egress = [new NetworkPolicyEgressRule { To = [NamespacePeer("kube-system")], Ports = [Port(53, "UDP"), Port(53, "TCP")] }],
        }));
        policies.Add(("allow-same-namespace", new NetworkPolicySpec
        {
            PodSelector = everyPod,
            PolicyTypes = ["Ingress", "Egress"],
            Ingress = [new NetworkPolicyIngressRule { From = [new NetworkPolicyPeer { PodSelector = everyPod }] }],
            Egress = [new NetworkPolicyEgressRule { To = [new NetworkPolicyPeer { PodSelector = everyPod }] }],
        }));
        if (!IngressFrom.IsEmpty)
        {
            policies.Add(("allow-ingress-from-tooling", new NetworkPolicySpec
            {
                PodSelector = everyPod,
                PolicyTypes = ["Ingress"],
                Ingress = [new NetworkPolicyIngressRule { From = [.. IngressFrom.Select(NamespacePeer)] }],
            }));
        }

        if (EgressToAllNamespaces)
        {
            policies.Add(("allow-egress-to-pods", new NetworkPolicySpec
            {
                PodSelector = everyPod,
                PolicyTypes = ["Egress"],
                Egress = [new NetworkPolicyEgressRule { To = [new NetworkPolicyPeer { NamespaceSelector = everyPod }] }],
            }));
        }

        if (EgressToInternet)
        {
            policies.Add(("allow-egress-to-internet", new NetworkPolicySpec
            {
                PodSelector = everyPod,
                PolicyTypes = ["Egress"],
                Egress = [new NetworkPolicyEgressRule { To = [new NetworkPolicyPeer { IpBlock = new IpBlock { Cidr = "0.0.0.0/0", Except = InternalRanges } }] }],
            }));
        }

        if (EgressToApiServer)
        {
            // The API server is outside the pod network (a public Kapsule endpoint, EKS interfaces in the VPC):
            // only its ports can be named, not its address.
            policies.Add(("allow-egress-to-api-server", new NetworkPolicySpec
            {
                PodSelector = everyPod,
                PolicyTypes = ["Egress"],
                Egress = [new NetworkPolicyEgressRule { Ports = [Port(443, "TCP"), Port(6443, "TCP")] }],
            }));
        }

        return policies.ToImmutable();
    }

    private static NetworkPolicyPeer NamespacePeer(string name) => new()
    {
        NamespaceSelector = new LabelSelector
        {
            MatchLabels = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal).Add("kubernetes.io/metadata.name", name),
        },
    };

    private static NetworkPolicyPort Port(int port, string protocol) => new() { Port = port, Protocol = protocol };
}
