using CloudIam.Pulumi.Resources.Aws;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>SEC004: EC2 instances and launch templates require IMDSv2 session tokens (or turn the endpoint off).</summary>
public sealed class InstanceMetadataV2Required : ISecurityCheck
{
    public string Id => "SEC004";

    public string Title => "IMDSv2 is required on EC2";

    public string Why =>
        "With IMDSv1 a single server-side request forgery in any pod or process reads the instance role's credentials; "
        + "IMDSv2 session tokens stop that. The provider's default for httpTokens is not documented, so it must be explicit.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program) =>
        program.OfType<Ec2Instance>().Concat(program.OfType<Ec2LaunchTemplate>())
            .Where(resource => !RequiresTokens(resource.Property("metadataOptions") as ExprMap))
            .Select(resource => new SecurityFinding
            {
                CheckId = Id,
                Resource = resource.LogicalName,
                Message = "set metadataOptions.httpTokens: required",
            });

    private static bool RequiresTokens(ExprMap? options) =>
        Text(options?.GetValueOrDefault("httpTokens")) == "required"
        || Text(options?.GetValueOrDefault("httpEndpoint")) == "disabled";
}
