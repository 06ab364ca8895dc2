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
/// DNS and talk within itself; every other flow is listed, with why it is needed.
/// </summary>
public sealed record NamespaceIsolation
{
    public const string ReasonAnnotation = "cloudiam.io/pod-security-reason";

    public required PodSecurityLevel PodSecurity { get; init; }

    /// <summary>Why the namespace cannot enforce <c>restricted</c>; required for any other level.</summary>
    public string? Reason { get; init; }

    /// <summary>What the namespace's pods need beyond DNS and their own namespace.</summary>
    public ImmutableArray<Flow> Flows { get; init; } = [];

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

    private const string OwnPods =
        "the pods of one release talk to each other (Prometheus to Alertmanager, Alloy to Loki, runner to its jobs' services)";

    /// <summary>The flows every namespace has besides default-deny: DNS and the namespace's own pods.</summary>
    public static ImmutableArray<Flow> Base { get; } =
    [
        Flow.To("dns", "name resolution through the cluster DNS in kube-system", FlowPeer.Namespace("kube-system"), FlowPort.Udp(53), FlowPort.Tcp(53)),
        Flow.From("same-namespace-in", OwnPods, FlowPeer.OwnNamespace),
        Flow.To("same-namespace-out", OwnPods, FlowPeer.OwnNamespace),
    ];

    /// <summary>The NetworkPolicy specs, by name: default-deny first, then one allow per flow.</summary>
    public ImmutableArray<(string Name, string? Why, NetworkPolicySpec Spec)> Policies() =>
    [
        ("default-deny", null, new NetworkPolicySpec { PodSelector = new LabelSelector(), PolicyTypes = ["Ingress", "Egress"] }),
        .. Base.Concat(Flows).Select(flow => (flow.PolicyName, (string?)flow.Why, flow.Spec())),
    ];
}
