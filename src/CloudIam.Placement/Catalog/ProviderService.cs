namespace CloudIam.Placement.Catalog;

public sealed record ProviderService
{
    public required string Name { get; init; }

    public required ServiceScope Scope { get; init; }

    public required ServiceUsage UsedBy { get; init; }

    public required string Description { get; init; }
}
