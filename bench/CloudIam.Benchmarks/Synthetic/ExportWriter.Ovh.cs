namespace CloudIam.Benchmarks.Synthetic;

/// <summary>OVHcloud sites: a private network, its subnet, a managed Kubernetes cluster and its pool.</summary>
internal sealed partial class ExportWriter
{
    /// <summary>OVH is a package no catalog knows: its region is only on the resources themselves.</summary>
    private void WriteOvhCluster(ClusterSite cluster, int n)
    {
        var site = cluster.Site;
        var networkType = "ovh:CloudProject/networkPrivate:NetworkPrivate";
        var networkName = $"pn-{site.Region}-{n}";
        var networkUrn = Urn(SiteChild(networkType), networkName);
        var vlan = 100 + (10 * n) + site.Region.Length;
        var networkId = $"pn-1234567_{vlan}";
        Resource(networkUrn, networkType, cluster.SiteUrn, networkId, provider: cluster.CloudProvider, properties: (_, live) =>
        {
            json.WriteString("name", networkName);
            WriteStrings("regions", [site.Region]);
            json.WriteString("serviceName", _projectId.Replace("-", string.Empty, StringComparison.Ordinal));
            if (live is not null)
            {
                json.WriteString("status", "ACTIVE");
                json.WriteString("type", "private");
            }

            json.WriteNumber("vlanId", vlan);
        }, propertyDependencies: [("name", null), ("regions", null), ("serviceName", null), ("vlanId", null)]);

        var subnetType = "ovh:CloudProject/networkPrivateSubnet:NetworkPrivateSubnet";
        var subnetName = $"subnet-{site.Region}-{n}";
        var subnetUrn = Urn(SiteChild(subnetType), subnetName);
        Resource(subnetUrn, subnetType, cluster.SiteUrn, random.Uuid(), provider: cluster.CloudProvider, properties: (_, live) =>
        {
            if (live is not null)
            {
                json.WriteString("cidr", $"10.{40 + n}.0.0/16");
            }

            json.WriteBoolean("dhcp", true);
            json.WriteString("end", $"10.{40 + n}.255.250");
            if (live is not null)
            {
                json.WriteString("gatewayIp", $"10.{40 + n}.0.1");
            }

            json.WriteString("network", $"10.{40 + n}.0.0/16");
            json.WriteString("networkId", networkId);
            json.WriteBoolean("noGateway", false);
            json.WriteString("region", site.Region);
            json.WriteString("serviceName", _projectId.Replace("-", string.Empty, StringComparison.Ordinal));
            json.WriteString("start", $"10.{40 + n}.0.10");
        }, dependencies: [networkUrn], propertyDependencies: [("dhcp", null), ("networkId", [networkUrn]), ("region", null), ("serviceName", null)]);

        var kubeType = "ovh:CloudProject/kube:Kube";
        cluster.Urn = Urn(SiteChild(kubeType), cluster.Name);
        var kubeId = random.Uuid();
        Resource(cluster.Urn, kubeType, cluster.SiteUrn, kubeId, provider: cluster.CloudProvider, properties: (_, live) =>
        {
            if (live is not null)
            {
                WriteSecret("kubeconfig", live, 2_400);
            }

            json.WriteString("name", cluster.Name);
            json.WriteString("privateNetworkId", networkId);
            json.WriteString("region", site.Region);
            json.WriteString("serviceName", _projectId.Replace("-", string.Empty, StringComparison.Ordinal));
            if (live is not null)
            {
                json.WriteString("status", "READY");
                json.WriteString("url", $"{kubeId[..6]}.c1.{site.Region}.k8s.ovh.net");
            }

            json.WriteString("version", "1.33");
        }, dependencies: [networkUrn, subnetUrn], propertyDependencies: [("name", null), ("privateNetworkId", [networkUrn]), ("region", null), ("serviceName", null), ("version", null)]);

        var poolType = "ovh:CloudProject/kubeNodePool:KubeNodePool";
        var poolName = $"{cluster.Name}-pool";
        Resource(Urn(SiteChild(poolType), poolName), poolType, cluster.SiteUrn, random.Uuid(), provider: cluster.CloudProvider, properties: (shared, live) =>
        {
            var size = shared.Next(3, 7);
            json.WriteNumber("desiredNodes", size);
            json.WriteString("flavorName", "b3-8");
            json.WriteString("kubeId", kubeId);
            json.WriteNumber("maxNodes", size * 2);
            json.WriteNumber("minNodes", size);
            json.WriteString("name", poolName);
            json.WriteString("serviceName", _projectId.Replace("-", string.Empty, StringComparison.Ordinal));
            if (live is not null)
            {
                json.WriteNumber("availableNodes", size);
                json.WriteString("status", "READY");
            }
        }, dependencies: [cluster.Urn], propertyDependencies: [("desiredNodes", null), ("flavorName", null), ("kubeId", [cluster.Urn]), ("name", null)]);

        cluster.Attachments = [new Attachment(networkUrn, networkId, null)];
    }
}
