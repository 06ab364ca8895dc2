using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CloudIam.Placement;
using CloudIam.Placement.Catalog;
using CloudIam.Placement.Input;
using YamlDotNet.RepresentationModel;

namespace CloudIam.Pulumi.Providers;

/// <summary>
/// Reads one provider file (format in <c>docs/inference.md</c>). Strict: an unknown key, a role or
/// service value outside the known set, or a pattern that does not compile is bad input naming the line,
/// since a misspelt key would otherwise silently leave a provider's resources unplaced. Read within the
/// limits of every YAML input (<see cref="YamlInput"/>: size, depth, value length, no aliases), as a
/// provider file can be given at run time (<see cref="ProviderCatalog.With"/>).
/// </summary>
public static partial class ProviderFile
{
    private static readonly string[] TopKeys =
        ["name", "packages", "runsOnCluster", "roles", "globalModules", "inputs", "zoneRegion", "apiServerHost", "services", "status", "firewall",
        "instanceMetadata", "apiAccessProviderRanges", "security"];

    private static readonly string[] InputKeys = ["region", "zone", "network", "subnet"];
    private static readonly string[] ServiceKeys = ["name", "scope", "usedBy", "description"];
    private static readonly string[] StatusKeys = ["url", "conditions"];
    private static readonly string[] FirewallKeys =
        ["rules", "source", "fromPort", "toPort", "portRange", "protocol", "anyProtocol", "portless", "accept", "openWhenUnset", "defaultPolicy"];

    private static readonly string[] InstanceMetadataKeys = ["tokens", "endpointOff", "nodePoolTemplate"];
    private static readonly string[] RequirementKeys = ["notOffered", "on", "via", "named", "path", "key", "values", "forbidden", "fix"];
    private const string NotOffered = "notOffered";

    private static readonly FrozenDictionary<string, ResourceRole> RoleNames =
        Enum.GetValues<ResourceRole>().ToFrozenDictionary(Kebab, StringComparer.Ordinal);

    public static ProviderDefinition Load(string path) => Read(YamlInput.LoadFile(path, "provider"), path);

    public static ProviderDefinition Parse(string yaml, string source) => Read(YamlInput.Load(new StringReader(yaml), source), source);

    private static ProviderDefinition Read(YamlStream stream, string source)
    {
        var root = stream.Documents is [{ RootNode: YamlMappingNode mapping }]
            ? mapping
            : throw new BadInputException(source, "line 1, column 1", "a provider file is one mapping");
        Only(root, TopKeys, source);
        var name = Scalar(root, "name", source) ?? throw Missing(root, "name", source);
        if (!NameShape().IsMatch(name))
        {
            throw At(root["name"], source, $"provider name '{name}' must be lower-case letters, digits and '-' (it names failure domains)");
        }

        var inputs = Mapping(root, "inputs", source);
        if (inputs is not null)
        {
            Only(inputs, InputKeys, source);
        }

        var status = Mapping(root, "status", source);
        if (status is not null)
        {
            Only(status, StatusKeys, source);
        }

        return new ProviderDefinition
        {
            Name = name,
            Source = source,
            Packages = Strings(root, "packages", source) is { IsEmpty: false } packages ? packages : throw Missing(root, "packages", source),
            Roles = Roles(Mapping(root, "roles", source), source),
            GlobalModules = Strings(root, "globalModules", source),
            Inputs = new ProviderInputs
            {
                Region = Strings(inputs, "region", source),
                Zone = Strings(inputs, "zone", source),
                Network = Strings(inputs, "network", source),
                Subnet = Strings(inputs, "subnet", source),
            },
            ZoneRegion = Pattern(root, "zoneRegion", source),
            ApiServerHost = Pattern(root, "apiServerHost", source),
            ApiAccessProviderRanges = Scalar(root, "apiAccessProviderRanges", source),
            RunsOnCluster = Boolean(root, "runsOnCluster", source),
            Services = Services(root, source),
            Status = status is null ? null : new ProviderStatusPage
            {
                Url = Scalar(status, "url", source) ?? throw Missing(status, "url", source),
                Conditions = Strings(status, "conditions", source),
            },
            Firewall = Mapping(root, "firewall", source) is { } firewall ? Firewall(firewall, source) : null,
            InstanceMetadata = Mapping(root, "instanceMetadata", source) is { } metadata ? InstanceMetadata(metadata, source) : null,
            Security = Mapping(root, "security", source) is { } security ? Security(security, source) : FrozenDictionary<string, ProviderSecuritySubject>.Empty,
        };
    }

    /// <summary>Subject → requirement → where it lives; a subject the provider lacks entirely is <c>{notOffered: reason}</c>.</summary>
    private static FrozenDictionary<string, ProviderSecuritySubject> Security(YamlMappingNode node, string source) =>
        node.Children.ToFrozenDictionary(
            subject => Text(subject.Key, source),
            subject =>
            {
                var requirements = subject.Value as YamlMappingNode ?? throw At(subject.Value, source, $"security.{subject.Key} must be a mapping");
                return requirements.Children.ContainsKey(NotOffered)
                    ? new ProviderSecuritySubject { NotOffered = Requirement(requirements, source).NotOffered, Requirements = FrozenDictionary<string, ProviderRequirement>.Empty }
                    : new ProviderSecuritySubject
                    {
                        Requirements = requirements.Children.ToFrozenDictionary(
                            requirement => Text(requirement.Key, source),
                            requirement => Requirement(requirement.Value as YamlMappingNode ?? throw At(requirement.Value, source, $"requirement {requirement.Key} must be a mapping"), source),
                            StringComparer.Ordinal),
                    };
            },
            StringComparer.Ordinal);

    private static ProviderRequirement Requirement(YamlMappingNode node, string source)
    {
        Only(node, RequirementKeys, source);
        if (Scalar(node, NotOffered, source) is { } reason)
        {
            return node.Children.Count == 1 ? new ProviderRequirement { NotOffered = reason } : throw At(node, source, "notOffered stands alone: a setting either exists or does not");
        }

        var on = Scalar(node, "on", source) is { } role
            ? RoleNames.TryGetValue(role, out var known) ? known : throw At(node["on"], source, $"unknown role '{role}'")
            : (ResourceRole?)null;
        var via = Strings(node, "via", source);
        (string, string)? named = Scalar(node, "named", source) is { } template ? Setting(node["named"], template, source) : null;
        var path = Scalar(node, "path", source);
        var key = Scalar(node, "key", source);
        var values = Strings(node, "values", source);
        var forbidden = Forbidden(node, source);
        if (!forbidden.IsEmpty)
        {
            // A "must not grant" reads the resources of its role themselves, or with 'via' those referring to the
            // checked resource: nothing is required.
            if ((path is null) == (key is null) || (on is null && !via.IsEmpty) || named is not null || !values.IsEmpty)
            {
                throw At(node, source, "'forbidden' goes with one 'path' or 'key' and at most a role ('on', with 'via' when only those referring count) whose resources it reads");
            }
        }
        else if ((on is null) != (via.IsEmpty && named is null))
        {
            throw At(node, source, "'on' (a role) goes with 'via' (its inputs referring to the resource) or 'named'");
        }
        else if ((path is null && key is null && (on is null || !values.IsEmpty)) || (path is not null && key is not null))
        {
            throw At(node, source, "a requirement names one 'path' or 'key' (the values need one), or only a role ('on') that must refer to the resource");
        }

        return new ProviderRequirement
        {
            On = on,
            Via = via,
            Named = named,
            Path = path,
            Key = key,
            Values = values,
            Forbidden = forbidden,
            Fix = Scalar(node, "fix", source),
        };
    }

    /// <summary>The <c>forbidden</c> patterns, compiled once here like the file's other patterns.</summary>
    private static ImmutableArray<Regex> Forbidden(YamlMappingNode node, string source) =>
    [
        .. Sequence(node, "forbidden", source).Select(item =>
        {
            try
            {
                return new Regex(Text(item, source), RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                throw At(item, source, $"forbidden is not a valid regular expression: {e.Message}");
            }
        }),
    ];

    private static ProviderFirewall Firewall(YamlMappingNode node, string source)
    {
        Only(node, FirewallKeys, source);
        return new ProviderFirewall
        {
            Rules = Strings(node, "rules", source),
            Source = Strings(node, "source", source) is { IsEmpty: false } sources ? sources : throw Missing(node, "source", source),
            FromPort = Strings(node, "fromPort", source),
            ToPort = Strings(node, "toPort", source),
            PortRange = Strings(node, "portRange", source),
            Protocol = Strings(node, "protocol", source),
            AnyProtocol = Strings(node, "anyProtocol", source),
            Portless = Strings(node, "portless", source),
            Accept = Scalar(node, "accept", source) is { } accept ? Setting(node["accept"], accept, source) : null,
            OpenWhenUnset = Boolean(node, "openWhenUnset", source),
            DefaultPolicy = Scalar(node, "defaultPolicy", source),
        };
    }

    private static ProviderInstanceMetadata InstanceMetadata(YamlMappingNode node, string source)
    {
        Only(node, InstanceMetadataKeys, source);
        return new ProviderInstanceMetadata
        {
            Tokens = Setting(node, "tokens", source),
            EndpointOff = Setting(node, "endpointOff", source),
            NodePoolTemplate = Scalar(node, "nodePoolTemplate", source) ?? throw Missing(node, "nodePoolTemplate", source),
        };
    }

    private static (string Path, string Value) Setting(YamlMappingNode node, string key, string source) =>
        Scalar(node, key, source) is { } text ? Setting(node[key], text, source) : throw Missing(node, key, source);

    /// <summary>An <c>input=value</c> pair.</summary>
    private static (string Path, string Value) Setting(YamlNode node, string text, string source) =>
        text.Split('=') is [{ Length: > 0 } path, { Length: > 0 } value] ? (path, value) : throw At(node, source, $"'{text}' must be input=value");

    private static bool Boolean(YamlMappingNode node, string key, string source) => Scalar(node, key, source) switch
    {
        null or "false" => false,
        "true" => true,
        var other => throw At(node[key], source, $"{key} must be true or false, not '{other}'"),
    };

    private static FrozenDictionary<string, ResourceRole> Roles(YamlMappingNode? roles, string source)
    {
        var byType = new Dictionary<string, ResourceRole>(StringComparer.Ordinal);
        foreach (var key in roles?.Children.Keys ?? [])
        {
            var roleName = Text(key, source);
            if (!RoleNames.TryGetValue(roleName, out var role))
            {
                throw At(key, source, $"unknown role '{roleName}' (known: {string.Join(", ", RoleNames.Keys.Order(StringComparer.Ordinal))})");
            }

            foreach (var node in Sequence(roles!, roleName, source))
            {
                var type = Text(node, source);
                if (!TokenShape().IsMatch(type) || !byType.TryAdd(type, role))
                {
                    throw At(node, source, byType.ContainsKey(type) ? $"type '{type}' has two roles" : $"'{type}' is not a type token (package:module:Type)");
                }
            }
        }

        return byType.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static ImmutableArray<ProviderService> Services(YamlMappingNode root, string source) =>
    [
        .. Sequence(root, "services", source).Select(node =>
        {
            var service = node as YamlMappingNode ?? throw At(node, source, "a service is a mapping");
            Only(service, ServiceKeys, source);
            return new ProviderService
            {
                Name = Scalar(service, "name", source) ?? throw Missing(service, "name", source),
                Scope = Scalar(service, "scope", source) switch
                {
                    "regional" => ServiceScope.Regional,
                    "global" => ServiceScope.Global,
                    var other => throw At(service, source, $"scope must be regional or global, not '{other}'"),
                },
                UsedBy = Scalar(service, "usedBy", source) switch
                {
                    "all" => ServiceUsage.All,
                    "private-network" => ServiceUsage.PrivateNetwork,
                    "kubernetes" => ServiceUsage.Kubernetes,
                    var other => throw At(service, source, $"usedBy must be all, private-network or kubernetes, not '{other}'"),
                },
                Description = Scalar(service, "description", source) ?? throw Missing(service, "description", source),
            };
        }),
    ];

    /// <summary>A pattern with a <c>region</c> group, compiled once here; matching stays per resource.</summary>
    private static Regex? Pattern(YamlMappingNode node, string key, string source)
    {
        if (Scalar(node, key, source) is not { } pattern)
        {
            return null;
        }

        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw At(node[key], source, $"{key} is not a valid regular expression: {e.Message}");
        }

        return regex.GetGroupNames().Contains("region")
            ? regex
            : throw At(node[key], source, $"{key} needs a named group (?<region>...)");
    }

    private static void Only(YamlMappingNode node, string[] keys, string source)
    {
        foreach (var (key, _) in node.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } || !keys.Contains(name))
            {
                throw At(key, source, $"unknown key '{key}' (expected one of: {string.Join(", ", keys)})");
            }
        }
    }

    private static string? Scalar(YamlMappingNode node, string key, string source) =>
        node.Children.TryGetValue(key, out var value) ? Text(value, source) : null;

    private static string Text(YamlNode node, string source) =>
        node is YamlScalarNode { Value: { Length: > 0 } text } ? text : throw At(node, source, "expected a non-empty scalar");

    private static YamlMappingNode? Mapping(YamlMappingNode node, string key, string source) =>
        !node.Children.TryGetValue(key, out var value) ? null
        : value as YamlMappingNode ?? throw At(value, source, $"{key} must be a mapping");

    private static IEnumerable<YamlNode> Sequence(YamlMappingNode node, string key, string source) =>
        !node.Children.TryGetValue(key, out var value) ? []
        : value as YamlSequenceNode ?? throw At(value, source, $"{key} must be a list");

    private static ImmutableArray<string> Strings(YamlMappingNode? node, string key, string source) =>
        node is null ? [] : [.. Sequence(node, key, source).Select(item => Text(item, source))];

    private static BadInputException Missing(YamlMappingNode node, string key, string source) =>
        At(node, source, $"missing '{key}'");

    private static BadInputException At(YamlNode node, string source, string problem) =>
        new(source, YamlInput.Location(node.Start), problem);

    /// <summary>The role as provider files spell it (<c>node-pool</c>).</summary>
    public static string Kebab(ResourceRole role) =>
        string.Concat(role.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}" : $"{char.ToLowerInvariant(c)}"));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex NameShape();

    [GeneratedRegex("^[A-Za-z0-9-]+:[^:]+:[^:]+$")]
    private static partial Regex TokenShape();
}
