namespace CloudIam.Benchmarks.Synthetic;

/// <summary>Scaleway sites: a VPC, a private network, a Kapsule cluster and its pool.</summary>
internal sealed partial class ExportWriter
{
    private void WriteScalewayTags(string property, Site site, string? capability = null)
    {
        json.WriteStartArray(property);
        if (capability is not null)
        {
            json.WriteStringValue($"cloudiam.io/capability={capability}");
        }

        json.WriteStringValue($"cloudiam.io/site={site.Slug}");
        json.WriteStringValue("env=bench");
        json.WriteEndArray();
    }

    private void WriteScalewayCluster(ClusterSite cluster, int n)
    {
        var site = cluster.Site;
        var vpcType = "scaleway:network/vpc:Vpc";
        var vpcName = $"vpc-{site.Region}-{n}";
        var vpcUrn = Urn(SiteChild(vpcType), vpcName);
        var vpcId = $"{site.Region}/{random.Uuid()}";
        Resource(vpcUrn, vpcType, cluster.SiteUrn, vpcId, provider: cluster.CloudProvider, properties: (_, live) =>
        {
            if (live is not null)
            {
                json.WriteString("createdAt", Timestamp(Epoch));
                json.WriteString("id", vpcId);
                json.WriteBoolean("isDefault", false);
            }

            json.WriteBoolean("enableRouting", true);
            json.WriteString("name", vpcName);
            json.WriteString("region", site.Region);
            WriteScalewayTags("tags", site);
        }, propertyDependencies: [("enableRouting", null), ("name", null), ("region", null), ("tags", null)]);

        var pnType = "scaleway:network/privateNetwork:PrivateNetwork";
        var pnName = $"pn-{site.Region}-{n}";
        var pnUrn = Urn(SiteChild(pnType), pnName);
        var pnId = $"{site.Region}/{random.Uuid()}";
        Resource(pnUrn, pnType, cluster.SiteUrn, pnId, provider: cluster.CloudProvider, properties: (shared, live) =>
        {
            json.WriteStartObject("ipv4Subnet");
            if (live is not null)
            {
                json.WriteString("address", $"10.{n % 256}.0.0");
                json.WriteString("id", live.Uuid());
            }

            json.WriteString("subnet", $"10.{n % 256}.0.0/20");
            json.WriteEndObject();
            if (live is not null)
            {
                json.WriteBoolean("isRegional", true);
            }

            json.WriteString("name", pnName);
            json.WriteString("region", site.Region);
            WriteScalewayTags("tags", site);
            json.WriteString("vpcId", vpcId);
        }, dependencies: [vpcUrn], propertyDependencies: [("ipv4Subnet", null), ("name", null), ("region", null), ("tags", null), ("vpcId", [vpcUrn])]);

        var clusterType = "scaleway:kubernetes/cluster:Cluster";
        cluster.Urn = Urn(SiteChild(clusterType), cluster.Name);
        var clusterId = $"{site.Region}/{random.Uuid()}";
        Resource(cluster.Urn, clusterType, cluster.SiteUrn, clusterId, provider: cluster.CloudProvider, properties: (shared, live) =>
        {
            if (live is not null)
            {
                json.WriteString("apiserverUrl", $"https://{clusterId[(site.Region.Length + 1)..]}.api.k8s.{site.Region}.scw.cloud:6443");
            }

            json.WriteStartObject("autoUpgrade");
            json.WriteBoolean("enable", true);
            json.WriteString("maintenanceWindowDay", "tuesday");
            json.WriteNumber("maintenanceWindowStartHour", 3);
            json.WriteEndObject();
            json.WriteString("cni", "cilium");
            json.WriteBoolean("deleteAdditionalResources", true);
            if (live is not null)
            {
                WriteSecret("kubeconfigs", live, 2_400);
            }

            json.WriteString("name", cluster.Name);
            json.WriteString("privateNetworkId", pnId);
            json.WriteString("region", site.Region);
            if (live is not null)
            {
                json.WriteString("status", "ready");
            }

            WriteScalewayTags("tags", site);
            json.WriteString("type", "kapsule");
            json.WriteString("version", "1.35.3");
            if (live is not null)
            {
                json.WriteString("wildcardDns", $"*.{clusterId[(site.Region.Length + 1)..]}.nodes.k8s.{site.Region}.scw.cloud");
            }
        }, dependencies: [pnUrn], propertyDependencies: [("autoUpgrade", null), ("cni", null), ("deleteAdditionalResources", null), ("name", null), ("privateNetworkId", [pnUrn]), ("region", null), ("tags", null), ("type", null), ("version", null)]);

        var poolType = "scaleway:kubernetes/pool:Pool";
        var poolName = $"{cluster.Name}-pool";
        Resource(Urn(SiteChild(poolType), poolName), poolType, cluster.SiteUrn, $"{site.Region}/{random.Uuid()}", provider: cluster.CloudProvider, properties: (shared, live) =>
        {
            var size = shared.Next(3, 7);
            json.WriteBoolean("autohealing", true);
            json.WriteBoolean("autoscaling", true);
            json.WriteString("clusterId", clusterId);
            json.WriteNumber("maxSize", size * 2);
            json.WriteNumber("minSize", size);
            json.WriteString("name", poolName);
            if (live is not null)
            {
                json.WriteStartArray("nodes");
                for (var i = 0; i < size; i++)
                {
                    json.WriteStartObject();
                    json.WriteString("name", $"scw-{cluster.Name}-pool-{live.Hex(8)}");
                    json.WriteString("status", "ready");
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteString("nodeType", "PRO2-M");
            json.WriteString("region", site.Region);
            json.WriteNumber("size", size);
            WriteScalewayTags("tags", site);
            json.WriteString("zone", site.Zones[0]);
        }, dependencies: [cluster.Urn], propertyDependencies: [("clusterId", [cluster.Urn]), ("name", null), ("nodeType", null), ("size", null)]);

        cluster.Attachments = [.. site.Zones.Select(zone => new Attachment(pnUrn, pnId, zone))];
    }
}
