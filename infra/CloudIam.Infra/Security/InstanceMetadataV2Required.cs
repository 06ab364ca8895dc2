using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC004: on providers whose metadata service hands out credentials (provider file <c>instanceMetadata</c>),
/// instances and instance templates require session tokens (IMDSv2) or turn the endpoint off, and every node pool
/// launches from such a template.
/// </summary>
public sealed class InstanceMetadataV2Required(ProviderCatalog providers) : ISecurityCheck
{
    public string Id => "SEC004";

    public string Title => "IMDSv2 is required on instances and node pools";

    public string Why =>
        "With IMDSv1 a single server-side request forgery in any pod or process reads the instance role's credentials; "
        + "IMDSv2 session tokens stop that. The provider's default for httpTokens is not documented, so it must be explicit.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program)
    {
        var templates = WithRole(program, providers, ResourceRole.InstanceTemplate).ToList();
        var machines = WithRole(program, providers, ResourceRole.Instance).Concat(templates)
            .Select(resource => (Resource: resource, Metadata: MetadataOf(resource)))
            .Where(machine => machine.Metadata is { } metadata && !RequiresTokens(machine.Resource, metadata))
            .Select(machine => Finding(machine.Resource, $"set {machine.Metadata!.Tokens.Path}: {machine.Metadata.Tokens.Value}"));
        var nodePools = WithRole(program, providers, ResourceRole.NodePool)
            .Where(pool => MetadataOf(pool) is { } metadata
                && !templates.Any(template => pool.Property(metadata.NodePoolTemplate)?.References().OfType<ResourceReference>()
                    .Any(reference => reference.Resource.LogicalName == template.LogicalName) == true))
            .Select(pool => Finding(pool, "launch the node pool from an instance template that requires IMDSv2"));
        return machines.Concat(nodePools);
    }

    private ProviderInstanceMetadata? MetadataOf(ResourceDeclaration resource) => providers.OfType(resource.Type)?.InstanceMetadata;

    private SecurityFinding Finding(ResourceDeclaration resource, string message) =>
        new() { CheckId = Id, Resource = resource.LogicalName, Message = message };

    private static bool RequiresTokens(ResourceDeclaration resource, ProviderInstanceMetadata metadata) =>
        Text(resource.Property(metadata.Tokens.Path)) == metadata.Tokens.Value
        || Text(resource.Property(metadata.EndpointOff.Path)) == metadata.EndpointOff.Value;
}
