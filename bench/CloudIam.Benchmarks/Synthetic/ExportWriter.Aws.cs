namespace CloudIam.Benchmarks.Synthetic;

/// <summary>AWS sites: a VPC, a subnet per zone, an EKS cluster and its node group.</summary>
internal sealed partial class ExportWriter
{
    private void WriteAwsTags(string property, Site site, string name, string? capability = null)
    {
        json.WriteStartObject(property);
        json.WriteString("Name", name);
        if (capability is not null)
        {
            json.WriteString("cloudiam.io/capability", capability);
        }

        json.WriteString("cloudiam.io/site", site.Slug);
        json.WriteString("env", "bench");
        json.WriteEndObject();
    }

    private void WriteAwsCluster(ClusterSite cluster, int n)
    {
        var site = cluster.Site;
        var vpcType = "aws:ec2/vpc:Vpc";
        var vpcName = $"vpc-{site.Region}-{n}";
        var vpcUrn = Urn(SiteChild(vpcType), vpcName);
        var vpcId = $"vpc-{random.Hex(17)}";
        var cidrPrefix = $"10.{(20 + (10 * n)) % 256}";
        Resource(vpcUrn, vpcType, cluster.SiteUrn, vpcId, provider: cluster.CloudProvider, properties: (_, live) =>
        {
            if (live is not null)
            {
                json.WriteString("arn", $"arn:aws:ec2:{site.Region}:123456789012:vpc/{vpcId}");
            }

            json.WriteString("cidrBlock", $"{cidrPrefix}.0.0/16");
            if (live is not null)
            {
                json.WriteString("defaultSecurityGroupId", $"sg-{live.Hex(17)}");
                json.WriteString("dhcpOptionsId", $"dopt-{live.Hex(17)}");
            }

            json.WriteBoolean("enableDnsHostnames", true);
            json.WriteBoolean("enableDnsSupport", true);
            if (live is not null)
            {
                json.WriteString("id", vpcId);
                json.WriteString("instanceTenancy", "default");
                json.WriteString("mainRouteTableId", $"rtb-{live.Hex(17)}");
                json.WriteString("ownerId", "123456789012");
                json.WriteString("region", site.Region);
            }

            WriteAwsTags("tags", site, vpcName);
            if (live is not null)
            {
                WriteAwsTags("tagsAll", site, vpcName);
            }
        }, propertyDependencies: [("cidrBlock", null), ("enableDnsHostnames", null), ("enableDnsSupport", null), ("tags", null)]);

        var subnetType = "aws:ec2/subnet:Subnet";
        var attachments = new List<Attachment>();
        for (var z = 0; z < site.Zones.Count; z++)
        {
            var zone = site.Zones[z];
            var subnetName = $"subnet-{site.Region}-{n}{zone[^1]}";
            var subnetUrn = Urn(SiteChild(subnetType), subnetName);
            var subnetId = $"subnet-{random.Hex(17)}";
            var cidr = $"{cidrPrefix}.{z * 16}.0/20";
            Resource(subnetUrn, subnetType, cluster.SiteUrn, subnetId, provider: cluster.CloudProvider, properties: (_, live) =>
            {
                if (live is not null)
                {
                    json.WriteString("arn", $"arn:aws:ec2:{site.Region}:123456789012:subnet/{subnetId}");
                }

                json.WriteString("availabilityZone", zone);
                if (live is not null)
                {
                    json.WriteString("availabilityZoneId", $"{site.Region[..2]}{site.Region[^1]}-az{z + 1}");
                }

                json.WriteString("cidrBlock", cidr);
                json.WriteBoolean("mapPublicIpOnLaunch", false);
                if (live is not null)
                {
                    json.WriteString("ownerId", "123456789012");
                    json.WriteString("region", site.Region);
                }

                WriteAwsTags("tags", site, subnetName);
                json.WriteString("vpcId", vpcId);
            }, dependencies: [vpcUrn], propertyDependencies: [("availabilityZone", null), ("cidrBlock", null), ("mapPublicIpOnLaunch", null), ("tags", null), ("vpcId", [vpcUrn])]);
            attachments.Add(new Attachment(subnetUrn, subnetId, zone));
        }

        string[] subnetUrns = [.. attachments.Select(a => a.Urn)];
        string[] subnetIds = [.. attachments.Select(a => a.Id)];
        var clusterType = "aws:eks/cluster:Cluster";
        cluster.Urn = Urn(SiteChild(clusterType), cluster.Name);
        var roleArn = $"arn:aws:iam::123456789012:role/{cluster.Name}-eks";
        Resource(cluster.Urn, clusterType, cluster.SiteUrn, cluster.Name, provider: cluster.CloudProvider, properties: (_, live) =>
        {
            json.WriteStartObject("accessConfig");
            json.WriteString("authenticationMode", "API");
            json.WriteEndObject();
            if (live is not null)
            {
                json.WriteString("arn", $"arn:aws:eks:{site.Region}:123456789012:cluster/{cluster.Name}");
                json.WriteStartObject("certificateAuthority");
                json.WriteString("data", live.Base64(1_100));
                json.WriteEndObject();
                json.WriteString("endpoint", $"https://{live.Hex(32).ToUpperInvariant()}.gr7.{site.Region}.eks.amazonaws.com");
                json.WriteStartArray("identities");
                json.WriteStartObject();
                json.WriteStartArray("oidcs");
                json.WriteStartObject();
                json.WriteString("issuer", $"https://oidc.eks.{site.Region}.amazonaws.com/id/{live.Hex(32).ToUpperInvariant()}");
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteString("name", cluster.Name);
            if (live is not null)
            {
                json.WriteString("platformVersion", "eks.12");
            }

            json.WriteString("roleArn", roleArn);
            if (live is not null)
            {
                json.WriteString("status", "ACTIVE");
            }

            WriteAwsTags("tags", site, cluster.Name);
            json.WriteString("version", "1.35");
            json.WriteStartObject("vpcConfig");
            if (live is not null)
            {
                json.WriteString("clusterSecurityGroupId", $"sg-{live.Hex(17)}");
            }

            json.WriteBoolean("endpointPrivateAccess", true);
            json.WriteBoolean("endpointPublicAccess", true);
            WriteStrings("publicAccessCidrs", ["203.0.113.0/24", "198.51.100.0/24"]);
            WriteStrings("subnetIds", subnetIds);
            if (live is not null)
            {
                json.WriteString("vpcId", vpcId);
            }

            json.WriteEndObject();
        }, dependencies: subnetUrns, propertyDependencies: [("accessConfig", null), ("name", null), ("roleArn", null), ("tags", null), ("version", null), ("vpcConfig", subnetUrns)]);

        var nodeGroupType = "aws:eks/nodeGroup:NodeGroup";
        var nodeGroupName = $"{cluster.Name}-nodes";
        Resource(Urn(SiteChild(nodeGroupType), nodeGroupName), nodeGroupType, cluster.SiteUrn, $"{cluster.Name}:{nodeGroupName}", provider: cluster.CloudProvider, properties: (shared, live) =>
        {
            var size = shared.Next(3, 7);
            if (live is not null)
            {
                json.WriteString("arn", $"arn:aws:eks:{site.Region}:123456789012:nodegroup/{cluster.Name}/{nodeGroupName}/{live.Uuid()}");
            }

            json.WriteString("clusterName", cluster.Name);
            WriteStrings("instanceTypes", ["m7i.large"]);
            json.WriteString("nodeGroupName", nodeGroupName);
            json.WriteString("nodeRoleArn", $"arn:aws:iam::123456789012:role/{nodeGroupName}");
            json.WriteStartObject("scalingConfig");
            json.WriteNumber("desiredSize", size);
            json.WriteNumber("maxSize", size * 2);
            json.WriteNumber("minSize", size);
            json.WriteEndObject();
            if (live is not null)
            {
                json.WriteString("status", "ACTIVE");
            }

            WriteStrings("subnetIds", subnetIds);
            WriteAwsTags("tags", site, nodeGroupName);
        }, dependencies: [cluster.Urn, .. subnetUrns], propertyDependencies: [("clusterName", [cluster.Urn]), ("instanceTypes", null), ("nodeGroupName", null), ("nodeRoleArn", null), ("scalingConfig", null), ("subnetIds", subnetUrns), ("tags", null)]);

        cluster.Attachments = attachments;
    }
}
