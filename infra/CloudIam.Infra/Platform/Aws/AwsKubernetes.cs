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

    /// <summary>Private subnets: the control plane's interfaces and the nodes, which reach out through NAT.</summary>
    public required ImmutableArray<Resource<Ec2Subnet>> Subnets { get; init; }

    public required ImmutableArray<Input<string>> ApiAllowList { get; init; }

    /// <summary>IAM roles admitted as cluster administrators through access entries.</summary>
    public required ImmutableArray<string> ClusterAdmins { get; init; }
}

/// <summary>
/// An EKS cluster with its IAM roles (AWS managed policies only): Secrets encrypted with the site's own KMS key,
/// every control-plane log type kept for <see cref="LogRetentionDays"/> days, admission only through access
/// entries (the creator gets nothing), and managed node groups in private subnets, launched from a template that
/// requires IMDSv2 with a hop limit of 1 so that pods cannot read the node role's credentials. CI jobs get their own
/// tainted node group. The cluster role comes first because the cluster needs its ARN, so it cannot be the
/// cluster's child; everything declared after the cluster is.
/// </summary>
public sealed class AwsKubernetes
{
    /// <summary>Every log type EKS offers (CIS EKS 2.1.1).</summary>
    public static readonly ImmutableArray<string> ControlPlaneLogTypes = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

    /// <summary>Audit logs for a quarter: long enough to investigate an incident found late.</summary>
    public const int LogRetentionDays = 90;

    private const string ManagedPolicy = "arn:aws:iam::aws:policy/";

    private const string ClusterAdminPolicy = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy";

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
        var secretsKey = program.Add(scope.LogicalName("secrets-key"), new KmsKey
        {
            Description = $"Envelope encryption of the Kubernetes Secrets of {scope.CloudName}",
            EnableKeyRotation = true,
            DeletionWindowInDays = 30,
            Tags = tags,
        }, scope.Options(stateful: true));
        // EKS creates this group itself, without a retention, when it does not exist before the cluster.
        var logs = program.Add(scope.LogicalName("control-plane-logs"), new CloudWatchLogGroup
        {
            Name = $"/aws/eks/{scope.CloudName}/cluster",
            RetentionInDays = LogRetentionDays,
            Tags = tags,
        }, scope.Options());
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
                PublicAccessCidrs = args.ApiAllowList,
            },
            AccessConfig = new EksAccessConfig { AuthenticationMode = "API", BootstrapClusterCreatorAdminPermissions = false },
            EncryptionConfig = new EksEncryptionConfig
            {
                Provider = new EksEncryptionProvider { KeyArn = secretsKey.Arn() },
                Resources = ["secrets"],
            },
            EnabledClusterLogTypes = ControlPlaneLogTypes,
            Tags = tags,
        }, scope.Options(stateful: true, dependsOn: [.. clusterPolicies, logs]));
        foreach (var (admin, index) in args.ClusterAdmins.Select((admin, index) => (admin, index)))
        {
            var entry = program.Add(scope.LogicalName($"admin-{index}"), new EksAccessEntry
            {
                ClusterName = Cluster.Name(),
                PrincipalArn = admin,
                Tags = tags,
            }, scope.Options(parent: Cluster));
            program.Add(scope.LogicalName($"admin-{index}-policy"), new EksAccessPolicyAssociation
            {
                ClusterName = Cluster.Name(),
                PrincipalArn = admin,
                PolicyArn = ClusterAdminPolicy,
                AccessScope = new EksAccessScope { Type = "cluster" },
            }, scope.Options(parent: entry));
        }

        var nodeRole = program.Add(scope.LogicalName("node-role"), new IamRole
        {
            Name = $"{scope.CloudName}-node",
            AssumeRolePolicy = AssumeRolePolicy("ec2.amazonaws.com"),
            Tags = tags,
        }, scope.Options(parent: Cluster));
        // Pulling images needs no listing or describing of repositories: PullOnly instead of ReadOnly.
        var nodePolicies = Attach(program, scope, nodeRole,
            "AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryPullOnly");
        var launchTemplate = program.Add(scope.LogicalName("node-template"), new Ec2LaunchTemplate
        {
            Name = $"{scope.CloudName}-nodes",
            MetadataOptions = new InstanceMetadataOptions { HttpEndpoint = "enabled", HttpTokens = "required", HttpPutResponseHopLimit = 1 },
            UpdateDefaultVersion = true,
            Tags = tags,
        }, scope.Options(parent: Cluster));
        var template = new EksNodeGroupLaunchTemplate
        {
            Id = launchTemplate.Id,
            // The schema wants the version as a string and latestVersion is a number: toJSON turns 3 into "3".
            Version = Input.Json(launchTemplate.LatestVersion()),
        };
        var zones = cluster.Zones.Length;
        // Both node groups share role, subnets, instance type and template; the CI one is tainted and labelled.
        var nodes = new EksNodeGroup
        {
            ClusterName = Cluster.Name(),
            NodeGroupName = "tooling",
            NodeRoleArn = nodeRole.Arn(),
            SubnetIds = subnetIds,
            InstanceTypes = [cluster.NodeType],
            CapacityType = "ON_DEMAND",
            DiskSize = 50,
            LaunchTemplate = template,
            ScalingConfig = new EksScalingConfig
            {
                MinSize = cluster.NodeCount * zones,
                DesiredSize = cluster.NodeCount * zones,
                MaxSize = cluster.MaxNodeCount * zones,
            },
            Tags = tags,
        };
        NodeGroup = program.Add(scope.LogicalName("nodes"), nodes, scope.Options(parent: Cluster, dependsOn: nodePolicies));
        ImmutableArray<ResourceHandle> nodeGroups = [NodeGroup];
        if (cluster.Runs(Capability.CiRunners))
        {
            nodeGroups = nodeGroups.Add(program.Add(scope.LogicalName($"nodes-{CiJobNodes.PoolName}"), nodes with
            {
                NodeGroupName = CiJobNodes.PoolName,
                Labels = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal).Add(CiJobNodes.LabelKey, CiJobNodes.PoolName),
                Taints = [new EksTaint { Key = CiJobNodes.TaintKey, Value = CiJobNodes.TaintValue, Effect = "NO_SCHEDULE" }],
                ScalingConfig = new EksScalingConfig { MinSize = 1, DesiredSize = 1, MaxSize = cluster.MaxNodeCount * zones },
                Tags = Capability.Map(Capability.Platform),
            }, scope.Options(parent: Cluster, dependsOn: nodePolicies)));
        }

        Kubernetes = program.AddProvider(scope.LogicalName("kubernetes"), new KubernetesProvider
        {
            Kubeconfig = Input.Json(Kubeconfig(Cluster, scope.Region)),
        }, new ResourceOptions { Parent = Cluster, DependsOn = nodeGroups });
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
    /// Pulumi needs the AWS CLI and an identity the cluster admits (one of the stack's <c>clusterAdmins</c>).
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
