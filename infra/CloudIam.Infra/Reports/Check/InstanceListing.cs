namespace CloudIam.Infra.Reports.Check;

/// <summary>How much of each capability's instances the JSON verdict lists.</summary>
public enum InstanceListing
{
    /// <summary>Counts per provider and region with the domains each part shares: a few lines per capability at any size.</summary>
    Summary,

    /// <summary>The summary and every instance with its domains, as DESIGN §6 shows them (megabytes at 50k resources).</summary>
    Full,
}
