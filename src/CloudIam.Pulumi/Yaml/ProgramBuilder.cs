using System.Text.RegularExpressions;
using CloudIam.Pulumi.Graph;

namespace CloudIam.Pulumi.Yaml;

/// <summary>
/// Declares resources and returns typed handles. Misuse (a duplicate name, a handle or config key from
/// elsewhere) is a programming error and throws at the declaring call, long before Pulumi sees the program.
/// </summary>
public sealed partial class ProgramBuilder(string name)
{
    private readonly List<ResourceDeclaration> resources = [];
    private readonly HashSet<string> logicalNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConfigDeclaration> config = new(StringComparer.Ordinal);
    private readonly List<OutputDeclaration> outputs = [];

    public string Name { get; } = name;

    public string? Description { get; init; }

    /// <summary>Declares a secret string key (idempotent) and returns it for <c>${key}</c> references.</summary>
    public ConfigKey SecretConfig(string key)
    {
        if (!ConfigKeyPattern().IsMatch(key))
        {
            throw new ArgumentException($"'{key}' is not a valid config key name", nameof(key));
        }

        if (!config.TryGetValue(key, out var declaration))
        {
            declaration = new ConfigDeclaration { Key = new ConfigKey { Name = key, Secret = true } };
            config.Add(key, declaration);
        }

        return declaration.Key;
    }

    public Resource<TArgs> Add<TArgs>(string logicalName, TArgs args, ResourceOptions? options = null)
        where TArgs : IResourceArgs
    {
        if (!LogicalNamePattern().IsMatch(logicalName))
        {
            throw new ArgumentException($"'{logicalName}' is not a usable logical name", nameof(logicalName));
        }

        if (logicalNames.Contains(logicalName))
        {
            throw new InvalidOperationException($"resource '{logicalName}' is declared twice");
        }

        options ??= ResourceOptions.None;
        if (TArgs.Token.StartsWith(PulumiResource.ProviderTypePrefix, StringComparison.Ordinal) && options.Version is null)
        {
            throw new InvalidOperationException($"provider '{logicalName}' must be declared with {nameof(AddProvider)} so that its plugin version is pinned");
        }

        var properties = ArgsConverter.ToProperties(args);
        EnsureOwned(logicalName, properties.References(), options.Handles());
        logicalNames.Add(logicalName);
        resources.Add(new ResourceDeclaration
        {
            LogicalName = logicalName,
            Type = TArgs.Token,
            Properties = properties,
            Options = options,
        });
        return new Resource<TArgs>(this, logicalName);
    }

    /// <summary>Declares an explicit provider pinned to its package's plugin version and download URL.</summary>
    public Resource<TArgs> AddProvider<TArgs>(string logicalName, TArgs args, ResourceOptions? options = null)
        where TArgs : IProviderArgs =>
        Add(logicalName, args, (options ?? ResourceOptions.None) with
        {
            Version = TArgs.Package.Version,
            PluginDownloadUrl = TArgs.Package.PluginDownloadUrl,
        });

    public void Output(string outputName, Expr value)
    {
        EnsureOwned($"output '{outputName}'", value.References(), []);
        outputs.Add(new OutputDeclaration { Name = outputName, Value = value });
    }

    public PulumiProgram Build() => new()
    {
        Name = Name,
        Description = Description,
        Config = [.. config.Values.OrderBy(declaration => declaration.Key.Name, StringComparer.Ordinal)],
        Resources = [.. resources],
        Outputs = [.. outputs],
    };

    private void EnsureOwned(string what, IEnumerable<Reference> references, IEnumerable<ResourceHandle> handles)
    {
        foreach (var handle in references.OfType<ResourceReference>().Select(reference => reference.Resource).Concat(handles))
        {
            if (!ReferenceEquals(handle.Owner, this))
            {
                throw new InvalidOperationException($"{what} refers to '{handle.LogicalName}', which is declared in another program");
            }
        }

        foreach (var key in references.OfType<ConfigReference>().Select(reference => reference.Key))
        {
            if (!config.TryGetValue(key.Name, out var declared) || declared.Key != key)
            {
                throw new InvalidOperationException($"{what} refers to config key '{key.Name}', which this program does not declare");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex LogicalNamePattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex ConfigKeyPattern();
}
