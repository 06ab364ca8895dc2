using System.Collections.Immutable;
using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Platform;

/// <summary>Who may reach a site's Kubernetes API server.</summary>
public static class ApiAccess
{
    /// <summary>
    /// The stack's <c>apiAllowList</c> (the on-call VPN and the other sites' egress addresses, as literals) plus this
    /// site's own egress, referenced. A reference to another site's address would make this provider's cluster depend
    /// on the other provider's API, the very coupling the placement policy forbids.
    /// </summary>
    public static ImmutableArray<Input<string>> AllowList(ProgramBuilder program, StackConfig stack, ClusterConfig cluster, IEnumerable<Output<string>> egressIps)
    {
        var egress = egressIps.ToImmutableArray();
        program.Output($"{cluster.Name}-egressIps", ExprList.Of(egress, ip => (Expr)ip));
        return [.. stack.ApiAllowList.Select(cidr => (Input<string>)cidr.ToString()), .. egress.Select(ip => Input.Format($"{ip}/32"))];
    }
}
