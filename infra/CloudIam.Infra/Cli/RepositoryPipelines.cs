using CloudIam.Infra.Stacks;
using CloudIam.Placement.Design;
using CloudIam.Placement.Policy;
using CloudIam.Placement.Rules;
using CloudIam.Pulumi.Pipelines;

namespace CloudIam.Infra.Cli;

/// <summary>
/// The repository's pipelines as part of every design the CLI checks: when the policy declares the
/// <c>recovery</c> capability, the deploy jobs of <c>.gitlab-ci.yml</c> and <c>.github/workflows/</c> join the
/// design with their state backends and the stack's secrets provider (PL005).
/// </summary>
public static class RepositoryPipelines
{
    public static PlacementDesign AddTo(PlacementDesign design, PlacementPolicy policy, CliContext context)
    {
        if (!policy.Capabilities.ContainsKey(PL005RecoveryPath.RecoveryCapability))
        {
            return design;
        }

        var stacks = StackConfigLoader.KnownStacks(Path.Combine(context.Root, StackConfigLoader.StacksDirectoryName));
        return RecoveryDesign.With(
            design,
            PipelineReader.ReadRepository(context.Root),
            stack => stacks.Contains(stack) ? StackDesigns.Load(stack, context).SecretsProvider : null,
            policy.Recovery?.Capabilities ?? []);
    }
}
