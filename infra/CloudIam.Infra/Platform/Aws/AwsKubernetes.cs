using System.Collections.Immutable;
using CloudIam.Infra.Capabilities;
using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Resources.Aws;
using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Platform.Aws;

public sealed record AwsKubernetesArgs
{
    public required ProviderScope Scope { get; init; }

    public required ClusterConfig Cluster { get; init; }

    public required ImmutableArray<Resource<Ec2Subnet>> Subnets { get; init; }

    public required ImmutableArray<Ipv4Cidr> ApiAllowList { get; init; }
}

/// <summary>
/// An EKS cluster with its IAM roles (AWS managed policies only), a managed node group spread over the subnets,
/// and the Kubernetes provider. The cluster role comes first because the cluster needs its ARN, so it cannot be
/// the cluster's child; everything declared after the cluster is.
/// </summary>
public sealed class AwsKubernetes
{
    private const string ManagedPolicy = "arn:aws:iam::aws:policy/";

    public AwsKubernetes(ProgramBuilder program, AwsKubernetesArgs args)
    {
        var (scope, cluster) = (args.Scope, args.Cluster);
        var tags = Capability.Map(Capability.Platform);
        var clusterRole = program.Add(scope.LogicalName("cluster-role"), new IamRole
        {
            Name = $"{scope.CloudName}-cluster",
            AssumeRolePolicy = AssumeRolePolicy("eks.amazonaws.com"),
            Tags = tags,
        }, scope.Options());
        var clusterPolicies = Attach(program, scope, clusterRole, "AmazonEKSClusterPolicy");
        var subnetIds = args.Subnets.Select(subnet => (Input<string>)subnet.Id).ToImmutableArray();
        Cluster = program.Add(scope.LogicalName("cluster"), new EksCluster
        {
            Name = scope.CloudName,
            Version = cluster.KubernetesVersion,
            RoleArn = clusterRole.Arn(),
            VpcConfig = new EksVpcConfig
            {
                SubnetIds = subnetIds,
                EndpointPrivateAccess = true,
                EndpointPublicAccess = true,
                PublicAccessCidrs = [.. args.ApiAllowList.Select(cidr => (Input<string>)cidr.ToString())],
            },
            AccessConfig = new EksAccessConfig { AuthenticationMode = "API", BootstrapClusterCreatorAdminPermissions = true },
            EnabledClusterLogTypes = ["api", "audit", "authenticator"],
            Tags = tags,
        }, scope.Options(stateful: true, dependsOn: clusterPolicies));
        var nodeRole = program.Add(scope.LogicalName("node-role"), new IamRole
        {
            Name = $"{scope.CloudName}-node",
            AssumeRolePolicy = AssumeRolePolicy("ec2.amazonaws.com"),
            Tags = tags,
        }, scope.Options(parent: Cluster));
        var nodePolicies = Attach(program, scope, nodeRole,
            "AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly");
        var zones = cluster.Zones.Length;
        NodeGroup = program.Add(scope.LogicalName("nodes"), new EksNodeGroup
        {
            ClusterName = Cluster.Name(),
            NodeGroupName = "tooling",
            NodeRoleArn = nodeRole.Arn(),
            SubnetIds = subnetIds,
            InstanceTypes = [cluster.NodeType],
            CapacityType = "ON_DEMAND",
            DiskSize = 50,
            ScalingConfig = new EksScalingConfig
            {
                MinSize = cluster.NodeCount * zones,
                DesiredSize = cluster.NodeCount * zones,
                MaxSize = cluster.MaxNodeCount * zones,
            },
            Tags = tags,
        }, scope.Options(parent: Cluster, dependsOn: nodePolicies));
        Kubernetes = program.AddProvider(scope.LogicalName("kubernetes"), new KubernetesProvider
        {
            Kubeconfig = Input.Json(Kubeconfig(Cluster, scope.Region)),
        }, new ResourceOptions { Parent = Cluster, DependsOn = [NodeGroup] });
    }

    public Resource<EksCluster> Cluster { get; }

    public Resource<EksNodeGroup> NodeGroup { get; }

    public Resource<KubernetesProvider> Kubernetes { get; }

    /// <param name="actions">What the service may do with the role; EKS Pod Identity also tags the session.</param>
    internal static Input<string> AssumeRolePolicy(string service, params string[] actions) => Input.Json(new ExprMap
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new ExprList(
        [
            new ExprMap
            {
                ["Effect"] = "Allow",
                ["Principal"] = new ExprMap { ["Service"] = service },
                ["Action"] = actions.Length == 0 ? "sts:AssumeRole" : ExprList.Of(actions, action => action),
            },
        ]),
    });

    internal static ImmutableArray<ResourceHandle> Attach(ProgramBuilder program, ProviderScope scope, Resource<IamRole> role, params string[] policies) =>
        [.. policies.Select(policy => program.Add($"{role.LogicalName}-{policy[(policy.LastIndexOf('/') + 1)..].ToLowerInvariant().Replace('_', '-')}", new IamRolePolicyAttachment
        {
            Role = role.Name(),
            PolicyArn = ManagedPolicy + policy,
        }, scope.Options(parent: role)))];

    /// <summary>
    /// EKS publishes no kubeconfig; this one authenticates with <c>aws eks get-token</c>, so whoever runs
    /// Pulumi needs the AWS CLI and an identity the cluster admits (the creator, through bootstrap permissions).
    /// </summary>
    private static ExprMap Kubeconfig(Resource<EksCluster> cluster, string region) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Config",
        ["current-context"] = "eks",
        ["clusters"] = new ExprList(
        [
            new ExprMap
            {
                ["name"] = "eks",
                ["cluster"] = new ExprMap
                {
                    ["server"] = cluster.Endpoint(),
                    ["certificate-authority-data"] = cluster.CertificateAuthorityData(),
                },
            },
        ]),
        ["contexts"] = new ExprList([new ExprMap { ["name"] = "eks", ["context"] = new ExprMap { ["cluster"] = "eks", ["user"] = "eks" } }]),
        ["users"] = new ExprList(
        [
            new ExprMap
            {
                ["name"] = "eks",
                ["user"] = new ExprMap
                {
                    ["exec"] = new ExprMap
                    {
                        ["apiVersion"] = "client.authentication.k8s.io/v1beta1",
                        ["command"] = "aws",
                        ["args"] = new ExprList(["eks", "get-token", "--cluster-name", cluster.Name(), "--region", region]),
                    },
                },
            },
        ]),
    };
}
