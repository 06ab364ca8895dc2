namespace CloudIam.Infra.Platform;

/// <summary>
/// The node pool CI jobs run on, apart from the tooling: a job that escapes its container lands on a node
/// that runs no Prometheus, Loki or Alertmanager. Tooling pods carry no toleration, so the taint keeps them off.
/// </summary>
public static class CiJobNodes
{
    public const string PoolName = "ci-jobs";

    public const string LabelKey = "cloudiam.io/pool";

    public const string TaintKey = "cloudiam.io/ci-jobs";

    public const string TaintValue = "true";

    /// <summary>The taint in Kubernetes' spelling; EKS spells the effect <c>NO_SCHEDULE</c>.</summary>
    public const string TaintEffect = "NoSchedule";
}
