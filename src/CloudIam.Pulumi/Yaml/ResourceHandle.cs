using System.Diagnostics.CodeAnalysis;

namespace CloudIam.Pulumi.Yaml;

/// <summary>
/// A resource declared in a <see cref="ProgramBuilder"/>. Handles exist only once a resource is declared,
/// so a <c>${…}</c> reference to an undeclared resource cannot be written.
/// </summary>
public class ResourceHandle
{
    internal ResourceHandle(ProgramBuilder owner, string logicalName, string type)
    {
        Owner = owner;
        LogicalName = logicalName;
        Type = type;
    }

    public string LogicalName { get; }

    /// <summary>Canonical type token.</summary>
    public string Type { get; }

    public Output<string> Id => Output<string>("id");

    internal ProgramBuilder Owner { get; }

    /// <summary>For typed accessors only: <paramref name="path"/> uses Pulumi YAML access syntax.</summary>
    internal Output<T> Output<T>(string path) => new(new ResourceReference(this, path));

    public override string ToString() => LogicalName;
}

/// <summary>A declared resource whose args type fixes its token and, through extension methods, its outputs.</summary>
public sealed class Resource<TArgs> : ResourceHandle
    where TArgs : IResourceArgs
{
    internal Resource(ProgramBuilder owner, string logicalName)
        : base(owner, logicalName, TArgs.Token)
    {
    }
}

/// <summary>Args record of one resource type; its static token is the canonical type token of the schema.</summary>
/// <remarks>Its public properties are the resource's inputs, read by reflection: they survive trimming.</remarks>
[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)]
public interface IResourceArgs
{
    static abstract string Token { get; }
}

/// <summary>A nested object input (e.g. EKS <c>vpcConfig</c>); its properties become the object's keys.</summary>
[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)]
public interface IArgsObject;

/// <summary>Args of an explicit provider resource (<c>pulumi:providers:&lt;package&gt;</c>).</summary>
public interface IProviderArgs : IResourceArgs
{
    static abstract PulumiPackage Package { get; }
}

/// <summary>A provider plugin pinned by the program (<c>options.version</c>, lock files).</summary>
public sealed record PulumiPackage
{
    public required string Name { get; init; }

    public required string Version { get; init; }

    /// <summary>Where the plugin is downloaded from when it is not in Pulumi's registry (pulumiverse).</summary>
    public string? PluginDownloadUrl { get; init; }
}
