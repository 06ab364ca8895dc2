namespace CloudIam.Benchmarks.Synthetic;

/// <summary>
/// The two fleet shapes: clusters of two providers whose only workloads are Helm releases of
/// <see cref="SyntheticCapabilities.Fleet"/>, spread over a fixed set of namespaces. Many small sites
/// put <see cref="ReleasesPerSmallCluster"/> releases on each of as many clusters as the budget holds
/// (one network domain each, so thousands of instance groups); few huge clusters put every release on
/// one cluster per site (few groups, thousands of instances each).
/// </summary>
internal sealed partial class ExportWriter
{
    private const int ReleasesPerSmallCluster = 60;

    private void WriteFleet(Dictionary<string, string> providers)
    {
        var siteUrns = _sites.ToDictionary(site => site.Key, WriteSiteComponent, StringComparer.Ordinal);
        var clustersPerSite = _sites.ToDictionary(site => site.Key, _ => 0, StringComparer.Ordinal);
        ClusterSite NextCluster(Site site)
        {
            var n = ++clustersPerSite[site.Key];
            var cluster = new ClusterSite(site, $"{site.Slug}-{n}", siteUrns[site.Key], providers[site.Key]);
            WriteCluster(cluster, n);
            WriteNamespaces(cluster, SyntheticCapabilities.FleetNamespaces);
            return cluster;
        }

        if (shape == ExportShape.ManySmallSites)
        {
            for (var k = 0; BudgetLeft; k++)
            {
                var cluster = NextCluster(_sites[k % _sites.Count]);
                for (var r = 0; r < ReleasesPerSmallCluster; r++)
                {
                    WriteFleetRelease(cluster, r);
                }
            }

            return;
        }

        var clusters = _sites.Select(NextCluster).ToList();
        for (var r = 0; BudgetLeft; r++)
        {
            WriteFleetRelease(clusters[r % clusters.Count], r / clusters.Count);
        }
    }

    private string WriteSiteComponent(Site site)
    {
        var urn = Urn(SiteType, site.Slug);
        Resource(urn, SiteType, _stackUrn, id: null, properties: null);
        return urn;
    }

    /// <summary>The <paramref name="turn"/>-th release of a cluster: capabilities and namespaces take turns independently.</summary>
    private void WriteFleetRelease(ClusterSite cluster, int turn)
    {
        var capability = SyntheticCapabilities.Fleet[turn % SyntheticCapabilities.Fleet.Count];
        var ns = SyntheticCapabilities.FleetNamespaces[turn % SyntheticCapabilities.FleetNamespaces.Count];
        var app = $"{capability.Name}-{++_apps}";
        WriteHelmRelease(cluster, capability, app, ns, Urn(SiteChild(HelmReleaseType), app), cluster.SiteUrn, [], lean: true);
    }
}
