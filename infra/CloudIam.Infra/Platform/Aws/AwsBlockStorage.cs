using System.Collections.Immutable;
using CloudIam.Infra.Capabilities;
using CloudIam.Pulumi.Resources.Aws;
using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Platform.Aws;

public sealed record AwsBlockStorageArgs
{
    public required ProviderScope Scope { get; init; }

    public required AwsKubernetes Kubernetes { get; init; }
}

/// <summary>
/// Persistent volumes on EKS, which has no volume provisioner of its own: the aws-ebs-csi-driver add-on, its IAM role
/// given to the controller's service account through EKS Pod Identity (no OIDC provider to manage), and an encrypted
/// gp3 storage class that creates each volume in the zone its pod is scheduled in.
/// </summary>
public sealed class AwsBlockStorage
{
    public const string StorageClassName = "gp3";

    /// <summary>The service account the add-on's controller runs as (fixed by the add-on).</summary>
    private const string ControllerServiceAccount = "ebs-csi-controller-sa";

    public AwsBlockStorage(ProgramBuilder program, AwsBlockStorageArgs args)
    {
        var (scope, kubernetes) = (args.Scope, args.Kubernetes);
        var tags = Capability.Map(Capability.Platform);
        var options = scope.Options(parent: kubernetes.Cluster, dependsOn: [kubernetes.NodeGroup]);
        var podIdentity = program.Add(scope.LogicalName("pod-identity-agent"), new EksAddon
        {
            ClusterName = kubernetes.Cluster.Name(),
            AddonName = "eks-pod-identity-agent",
            ResolveConflictsOnCreate = "OVERWRITE",
            Tags = tags,
        }, options);
        var role = program.Add(scope.LogicalName("ebs-csi-role"), new IamRole
        {
            Name = $"{scope.CloudName}-ebs-csi",
            AssumeRolePolicy = AwsKubernetes.AssumeRolePolicy("pods.eks.amazonaws.com", "sts:AssumeRole", "sts:TagSession"),
            Tags = tags,
        }, scope.Options(parent: kubernetes.Cluster));
        var policies = AwsKubernetes.Attach(program, scope, role, "service-role/AmazonEBSCSIDriverPolicy");
        Driver = program.Add(scope.LogicalName("ebs-csi-driver"), new EksAddon
        {
            ClusterName = kubernetes.Cluster.Name(),
            AddonName = "aws-ebs-csi-driver",
            PodIdentityAssociations = [new EksAddonPodIdentityAssociation { RoleArn = role.Arn(), ServiceAccount = ControllerServiceAccount }],
            ResolveConflictsOnCreate = "OVERWRITE",
            Tags = tags,
        }, scope.Options(parent: kubernetes.Cluster, dependsOn: [kubernetes.NodeGroup, podIdentity, .. policies]));
        StorageClass = program.Add(scope.LogicalName("storage-class-gp3"), new KubernetesStorageClass
        {
            Metadata = new ObjectMeta { Name = StorageClassName, Labels = tags },
            Provisioner = "ebs.csi.aws.com",
            Parameters = new Dictionary<string, string> { ["type"] = "gp3", ["encrypted"] = "true" }
                .ToImmutableSortedDictionary(StringComparer.Ordinal),
            VolumeBindingMode = "WaitForFirstConsumer",
            ReclaimPolicy = "Retain",
            AllowVolumeExpansion = true,
        }, new ResourceOptions { Provider = kubernetes.Kubernetes, Parent = kubernetes.Cluster, DependsOn = [Driver] });
    }

    public Resource<EksAddon> Driver { get; }

    public Resource<KubernetesStorageClass> StorageClass { get; }
}
