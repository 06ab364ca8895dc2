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

    /// <summary>Admits a principal to a cluster (EKS access entry).</summary>
    AccessEntry,

    /// <summary>Where logs (a cluster's control-plane logs) are kept, with a retention.</summary>
    LogGroup,

    /// <summary>A bucket's server-side encryption, when a resource of its own.</summary>
    BucketEncryption,

    /// <summary>A bucket's versioning, when a resource of its own.</summary>
    BucketVersioning,

    /// <summary>A bucket's access policy.</summary>
    BucketPolicy,

    /// <summary>Replication of a bucket to another.</summary>
    BucketReplication,

    /// <summary>What decides whether a bucket is public, when a resource of its own: a public-access block, an ACL.</summary>
    BucketAccess,

    /// <summary>What grants permissions: an IAM role or policy document, a set of permissions (SEC006 reads them).</summary>
    IamPolicy,

    /// <summary>Attaches a managed policy to a principal (SEC006 reads which).</summary>
    IamAttachment,

    /// <summary>An account- or organization-wide resource (IAM): placed on its provider only.</summary>
    Global,

    /// <summary>The Pulumi provider resource through which workloads reach a cluster.</summary>
    KubernetesProvider,

    HelmRelease,

    /// <summary>A component in Pulumi's sense, but the unit a Helm capability is declared on.</summary>
    HelmChart,
}
