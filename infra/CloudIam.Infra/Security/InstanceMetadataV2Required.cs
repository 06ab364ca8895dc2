using CloudIam.Pulumi.Resources.Aws;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC004: EC2 instances and launch templates require IMDSv2 session tokens (or turn the endpoint off), and every
/// EKS node group launches from such a template: without one, a managed node group gets the AMI's defaults.
/// </summary>
public sealed class InstanceMetadataV2Required : ISecurityCheck
{
    public string Id => "SEC004";

    public string Title => "IMDSv2 is required on EC2";

    public string Why =>
        "With IMDSv1 a single server-side request forgery in any pod or process reads the instance role's credentials; "
        + "IMDSv2 session tokens stop that. The provider's default for httpTokens is not documented, so it must be explicit.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program)
    {
        var templates = program.OfType<Ec2LaunchTemplate>().ToList();
        var machines = program.OfType<Ec2Instance>().Concat(templates)
            .Where(resource => !RequiresTokens(resource.Property("metadataOptions") as ExprMap))
            .Select(resource => Finding(resource, "set metadataOptions.httpTokens: required"));
        var nodeGroups = program.OfType<EksNodeGroup>()
            .Where(group => !templates.Any(template => group.Property("launchTemplate.id")?.References().OfType<ResourceReference>()
                .Any(reference => reference.Resource.LogicalName == template.LogicalName) == true))
            .Select(group => Finding(group, "launch the node group from a launchTemplate that requires IMDSv2"));
        return machines.Concat(nodeGroups);
    }

    private SecurityFinding Finding(ResourceDeclaration resource, string message) =>
        new() { CheckId = Id, Resource = resource.LogicalName, Message = message };

    private static bool RequiresTokens(ExprMap? options) =>
        Text(options?.GetValueOrDefault("httpTokens")) == "required"
        || Text(options?.GetValueOrDefault("httpEndpoint")) == "disabled";
}
