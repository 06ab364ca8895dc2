using System.Collections.Immutable;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Pulumi.Resources.Kubernetes;

/// <summary><c>kubernetes:storage.k8s.io/v1:StorageClass</c>: how persistent volume claims get their volumes.</summary>
public sealed record KubernetesStorageClass : IResourceArgs
{
    public static string Token => "kubernetes:storage.k8s.io/v1:StorageClass";

    public required ObjectMeta Metadata { get; init; }

    /// <summary>The CSI driver that creates the volumes (<c>ebs.csi.aws.com</c>).</summary>
    public required Input<string> Provisioner { get; init; }

    /// <summary>Driver parameters (<c>type: gp3</c>, <c>encrypted: "true"</c>).</summary>
    public ImmutableSortedDictionary<string, string>? Parameters { get; init; }

    /// <summary><c>WaitForFirstConsumer</c> creates a volume in the zone the pod is scheduled in.</summary>
    public Input<string>? VolumeBindingMode { get; init; }

    public Input<string>? ReclaimPolicy { get; init; }

    public Input<bool>? AllowVolumeExpansion { get; init; }
}
