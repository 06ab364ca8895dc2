using CloudIam.Infra.Components.Isolation;
using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Tests;

/// <summary>
/// What the compiled NetworkPolicies let through, read the way Kubernetes does: a connection between two pods
/// passes when a policy of the source namespace allows it out and a policy of the target namespace allows it in.
/// Pod labels are not told apart (any pod of a namespace may be the one a flow selects), so the answers err
/// toward "allowed".
/// </summary>
public sealed class NamespaceIsolationTests
{
    private static readonly PulumiProgram Prod = Repository.Program("prod");

    public static TheoryData<string, int> ToolingPorts => new()
    {
        { "ci-jobs", 3100 },  // Loki push
        { "ci-jobs", 9093 },  // Alertmanager silences
        { "ci-jobs", 9090 },  // Prometheus admin API
        { "ci-jobs", 3000 },  // Grafana
        { "ci-runners", 3100 },
        { "ci-runners", 9093 },
        { "status-page", 3100 },
        { "status-page", 9093 },
    };

    [Theory]
    [MemberData(nameof(ToolingPorts))]
    public void No_ci_or_probe_namespace_reaches_loki_alertmanager_or_prometheus(string from, int port)
    {
        foreach (var site in new[] { "scw-par", "aws-par" })
        {
            Assert.False(Passes(site, from, "observability", port), $"{site}: {from} reaches observability:{port}");
        }
    }

    [Fact]
    public void Ci_jobs_reach_no_pod_of_any_namespace()
    {
        foreach (var target in new[] { "observability", "status-page", "ci-runners", "ingress", "auth", "certificates", "kube-system" })
        {
            Assert.False(Passes("scw-par", "ci-jobs", target, 443), $"ci-jobs reaches {target}");
        }
    }

    [Theory]
    [InlineData("ingress", "observability", 3000, "Traefik to Grafana")]
    [InlineData("ingress", "observability", 9093, "Traefik to Alertmanager (behind sign-in)")]
    [InlineData("ingress", "status-page", 8080, "Traefik to Gatus")]
    [InlineData("ingress", "auth", 4180, "Traefik forward-auth to oauth2-proxy")]
    [InlineData("ingress", "observability", 8089, "HTTP-01 challenge to cert-manager's solver")]
    [InlineData("observability", "status-page", 8080, "Prometheus scrapes Gatus")]
    [InlineData("observability", "ci-runners", 9252, "Prometheus scrapes the runner")]
    [InlineData("observability", "observability", 3100, "Alloy pushes to Loki")]
    public void The_flows_the_tooling_needs_pass(string from, string to, int port, string flow)
    {
        Assert.True(Passes("aws-par", from, to, port), flow);
    }

    [Theory]
    [InlineData("ingress", "observability", 9100)]
    [InlineData("ingress", "ci-runners", 9252)]
    [InlineData("auth", "observability", 9093)]
    [InlineData("certificates", "observability", 3100)]
    public void Exposure_opens_only_the_published_ports(string from, string to, int port)
    {
        Assert.False(Passes("aws-par", from, to, port));
    }

    [Fact]
    public void Every_allow_says_why_and_every_namespace_starts_from_default_deny()
    {
        var policies = Prod.OfType<NetworkPolicy>().ToList();

        Assert.All(policies.Where(policy => Text(policy.Property("metadata.name")) != "default-deny"), policy =>
            Assert.False(string.IsNullOrWhiteSpace(Text((policy.Property("metadata.annotations") as ExprMap)?.GetValueOrDefault(Flow.WhyAnnotation))), policy.LogicalName));
        Assert.All(Prod.OfType<KubernetesNamespace>(), ns => Assert.Single(policies, policy => Text(policy.Property("metadata.name")) == "default-deny"
            && policy.Property("metadata.namespace")!.References().OfType<ResourceReference>().Any(reference => reference.Resource.LogicalName == ns.LogicalName)));
    }

    private static bool Passes(string site, string from, string to, int port) =>
        Policies(site, from).Any(policy => Allows(policy, "egress", "to", to, from, port))
        && Policies(site, to).Any(policy => Allows(policy, "ingress", "from", from, to, port));

    private static IEnumerable<ResourceDeclaration> Policies(string site, string ns) =>
        Prod.OfType<NetworkPolicy>().Where(policy => policy.LogicalName.StartsWith(site + "-", StringComparison.Ordinal) && NamespaceOf(policy) == ns);

    /// <summary>The policy's namespace: a reference to the namespace resource, whose <c>metadata.name</c> is literal.</summary>
    private static string? NamespaceOf(ResourceDeclaration policy) =>
        policy.Property("metadata.namespace")?.References().OfType<ResourceReference>().Select(reference => Prod.Find(reference.Resource.LogicalName))
            .Select(ns => Text(ns?.Property("metadata.name"))).FirstOrDefault();

    private static bool Allows(ResourceDeclaration policy, string direction, string peersKey, string peerNs, string ownNs, int port) =>
        (policy.Property($"spec.{direction}") as ExprList)?.Items.OfType<ExprMap>().Any(rule =>
            PortMatches(rule.GetValueOrDefault("ports"), port)
            && (rule.GetValueOrDefault(peersKey) is not ExprList peers
                || peers.Items.OfType<ExprMap>().Any(peer => PeerMatches(peer, peerNs, ownNs)))) == true;

    private static bool PortMatches(Expr? ports, int port) =>
        ports is not ExprList list || list.Items.OfType<ExprMap>().Any(entry => entry.GetValueOrDefault("port") is NumberLiteral number && number.Value == port);

    /// <summary>
    /// Pod addresses are private: an address block matches them unless it is the internet block (0.0.0.0/0 with the
    /// private ranges excepted).
    /// </summary>
    private static bool PeerMatches(ExprMap peer, string peerNs, string ownNs)
    {
        if (peer.GetValueOrDefault("ipBlock") is ExprMap block)
        {
            return !(Text(block.GetValueOrDefault("cidr")) == "0.0.0.0/0" && block.GetValueOrDefault("except") is ExprList { Items.Length: > 0 });
        }

        return peer.GetValueOrDefault("namespaceSelector") switch
        {
            ExprMap selector => selector.GetValueOrDefault("matchLabels") is not ExprMap labels
                || Text(labels.GetValueOrDefault("kubernetes.io/metadata.name")) == peerNs,
            _ => peerNs == ownNs,
        };
    }

    private static string? Text(Expr? value) => value is StringLiteral literal ? literal.Value : null;
}
