namespace CloudIam.Pulumi.Providers;

/// <summary>
/// What a resource type is, whatever the provider: code asks a type's role, never compares tokens.
/// Spelled in kebab case in provider files (<c>node-pool</c>).
/// </summary>
public enum ResourceRole
{
    Cluster,
    NodePool,
    PrivateNetwork,
    Subnet,
    LoadBalancer,
    PublicIp,
    Bucket,
    DnsZone,
    DnsRecord,

    /// <summary>The list of addresses allowed to reach a managed cluster's API server.</summary>
    ApiAccessList,

    /// <summary>A firewall (security group): inbound rules and, on some providers, a default inbound policy.</summary>
    Firewall,

    /// <summary>Inbound rules attached to a firewall: a list of rules, or the resource is one rule itself.</summary>
    FirewallRules,

    /// <summary>A virtual machine.</summary>
    Instance,

    /// <summary>What virtual machines (a node pool's, too) are launched from.</summary>
    InstanceTemplate,

    /// <summary>An account- or organization-wide resource (IAM): placed on its provider only.</summary>
    Global,

    /// <summary>The Pulumi provider resource through which workloads reach a cluster.</summary>
    KubernetesProvider,

    HelmRelease,

    /// <summary>A component in Pulumi's sense, but the unit a Helm capability is declared on.</summary>
    HelmChart,
}
