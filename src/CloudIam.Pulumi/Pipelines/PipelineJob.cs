using System.Collections.Immutable;

namespace CloudIam.Pulumi.Pipelines;

/// <summary>A CI job that runs <c>pulumi preview</c> or <c>pulumi up</c>, as far as its pipeline file says.</summary>
public sealed record PipelineJob
{
    /// <summary>The pipeline file, relative to the repository root (<c>.gitlab-ci.yml</c>, <c>.github/workflows/x.yml</c>).</summary>
    public required string File { get; init; }

    public required string Name { get; init; }

    public required int Line { get; init; }

    /// <summary>The stacks it selects; empty when the file does not say, and then it counts for every stack.</summary>
    public required ImmutableArray<string> Stacks { get; init; }

    /// <summary>Runner tags (GitLab) or <c>runs-on</c> labels (GitHub).</summary>
    public required ImmutableArray<string> RunnerLabels { get; init; }

    /// <summary>The state backend URL it logs in to; null when the file leaves it to a variable set elsewhere.</summary>
    public string? StateBackend { get; init; }

    public required bool Previews { get; init; }

    public required bool Deploys { get; init; }

    /// <summary>Project config keys it sets with <c>pulumi config set</c> before running Pulumi.</summary>
    public required ImmutableArray<string> ConfigKeysSet { get; init; }

    /// <summary>GitLab <c>resource_group</c> or GitHub <c>concurrency</c>: at most one such job at a time.</summary>
    public string? ResourceGroup { get; init; }

    public string? Environment { get; init; }

    /// <summary>
    /// The cloud the runners it is tagged for run on: the runner label <c>provider-&lt;name&gt;</c>, the
    /// tag each runner this program deploys is created with in GitLab (README "CI for this repository").
    /// </summary>
    public string? RunnerProvider => RunnerLabels
        .Where(label => label.StartsWith(ProviderLabelPrefix, StringComparison.Ordinal) && label.Length > ProviderLabelPrefix.Length)
        .Select(label => label[ProviderLabelPrefix.Length..])
        .FirstOrDefault();

    public bool ForStack(string stack) => Stacks.IsEmpty || Stacks.Contains(stack, StringComparer.Ordinal);

    public const string ProviderLabelPrefix = "provider-";
}
