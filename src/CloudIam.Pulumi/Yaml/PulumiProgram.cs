using System.Collections.Immutable;

namespace CloudIam.Pulumi.Yaml;

/// <summary>
/// A Pulumi YAML program (the compiler's stdout): config declarations, resources in declaration order
/// (which is also dependency order, because a handle exists only after its resource is declared) and outputs.
/// Build one with <see cref="ProgramBuilder"/>, emit it with <see cref="ProgramEmitter"/>.
/// </summary>
public sealed record PulumiProgram
{
    /// <summary>Project name; part of every URN.</summary>
    public required string Name { get; init; }

    public string? Description { get; init; }

    public required ImmutableArray<ConfigDeclaration> Config { get; init; }

    public required ImmutableArray<ResourceDeclaration> Resources { get; init; }

    public required ImmutableArray<OutputDeclaration> Outputs { get; init; }

    public ResourceDeclaration? Find(string logicalName) =>
        Resources.FirstOrDefault(resource => resource.LogicalName == logicalName);

    public IEnumerable<ResourceDeclaration> OfType<TArgs>()
        where TArgs : IResourceArgs =>
        Resources.Where(resource => resource.Type == TArgs.Token);
}

/// <summary>A <c>config:</c> entry; the program declares only keys it references as <c>${key}</c>.</summary>
public sealed record ConfigDeclaration
{
    public required ConfigKey Key { get; init; }

    /// <summary>pulumi-yaml type name; <c>string</c> is valid both for the CLI and the YAML runtime.</summary>
    public string Type { get; init; } = "string";
}

public sealed record ResourceDeclaration
{
    public required string LogicalName { get; init; }

    /// <summary>Canonical type token (state and URNs record the canonical one).</summary>
    public required string Type { get; init; }

    public required ExprMap Properties { get; init; }

    public ResourceOptions Options { get; init; } = ResourceOptions.None;

    /// <summary>The property at a dotted path (<c>vpcConfig.publicAccessCidrs</c>), or null.</summary>
    public Expr? Property(string dottedPath) =>
        dottedPath.Split('.').Aggregate<string, Expr?>(Properties, (current, key) => (current as ExprMap)?.GetValueOrDefault(key));

    /// <summary>True when <paramref name="property"/> refers to <paramref name="targetLogicalName"/> (e.g. <c>bucket: ${logs.id}</c>).</summary>
    public bool Refers(string targetLogicalName, string property) =>
        Properties.GetValueOrDefault(property)?.References().OfType<ResourceReference>()
            .Any(reference => reference.Resource.LogicalName == targetLogicalName) == true;
}

/// <summary>The <c>options:</c> of a resource; resource-valued options take handles, never names.</summary>
public sealed record ResourceOptions
{
    public static ResourceOptions None { get; } = new();

    public ResourceHandle? Provider { get; init; }

    public ResourceHandle? Parent { get; init; }

    public ImmutableArray<ResourceHandle> DependsOn { get; init; } = [];

    public bool Protect { get; init; }

    /// <summary>Plugin version; set by <see cref="ProgramBuilder"/> on provider resources from <see cref="PulumiPackage"/>.</summary>
    public string? Version { get; init; }

    public string? PluginDownloadUrl { get; init; }

    public ImmutableArray<string> IgnoreChanges { get; init; } = [];

    internal IEnumerable<ResourceHandle> Handles() =>
        new[] { Provider, Parent }.OfType<ResourceHandle>().Concat(DependsOn);
}

public sealed record OutputDeclaration
{
    public required string Name { get; init; }

    public required Expr Value { get; init; }
}
