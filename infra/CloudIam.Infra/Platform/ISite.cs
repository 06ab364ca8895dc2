using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Platform;

/// <summary>
/// One cloud provider's base: explicit providers, network, managed Kubernetes, object storage. Adding a provider
/// means writing one implementation and listing it in the composition root's <c>SiteCatalog</c>; components are untouched.
/// </summary>
public interface ISite
{
    /// <summary>The provider name used in stack config and in placement (<c>scaleway</c>).</summary>
    string Provider { get; }

    /// <summary>Fewest zones a cluster of this provider accepts (EKS needs subnets in two).</summary>
    int MinZones { get; }

    /// <summary>The provider's DNS service (<c>Route 53</c>), for reports.</summary>
    string DnsServiceName { get; }

    /// <summary>The load-balancer addresses the site reserves for its ingress, in words (<c>2 Elastic IPs …</c>).</summary>
    string DescribeEntry(ClusterConfig cluster);

    /// <summary>The storage class persistent volumes of this provider's clusters use.</summary>
    string StorageClass { get; }

    KubernetesSite Declare(ProgramBuilder program, StackConfig stack, ClusterConfig cluster);
}
