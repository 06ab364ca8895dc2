namespace CloudIam.Placement.Catalog;

public enum ServiceScope
{
    Regional,
    Global,
}

/// <summary>Which resources depend on a provider service.</summary>
public enum ServiceUsage
{
    All,
    PrivateNetwork,
    Kubernetes,
}
