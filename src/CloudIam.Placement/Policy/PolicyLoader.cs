using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using CloudIam.Placement.Design;
using CloudIam.Placement.Domains;
using CloudIam.Placement.Input;
using YamlDotNet.RepresentationModel;

namespace CloudIam.Placement.Policy;

/// <summary>
/// Reads a policy file (DESIGN §5). Uses YamlDotNet's representation model rather than a
/// deserializer so that every mistake — syntax, type, unknown key, dangling capability name — is
/// reported as <see cref="BadInputException"/> with the line and column a person has to edit.
/// Suppressions are only checked for shape here: their content (reason, expiry, rule and
/// capability names) is judged by rule PL009, so a stale suppression never blocks loading.
/// </summary>
public static partial class PolicyLoader
{
    public static PlacementPolicy Load(string path) => Read(YamlInput.LoadFile(path, "policy"), path);

    public static PlacementPolicy Parse(string yaml, string source) => Read(YamlInput.Load(new StringReader(yaml), source), source);

    private static PlacementPolicy Read(YamlStream stream, string source)
    {
        if (stream.Documents.Count == 0)
        {
            throw new BadInputException(source, "line 1, column 1", "the policy file is empty; it needs at least a 'capabilities' section");
        }

        if (stream.Documents.Count > 1)
        {
            throw new Nodes(source).Fail(stream.Documents[1].RootNode, "a policy file holds one YAML document; found a second one");
        }

        return new Reader(new Nodes(source)).ReadPolicy(stream.Documents[0].RootNode);
    }

    private sealed class Reader(Nodes nodes)
    {
        private static readonly string[] RootKeys = ["defaults", "capabilities", "match", "recovery", "suppressions", "budgets"];
        private static readonly string[] BudgetKeys = ["page", "publicStatus"];
        private static readonly string[] DefaultsKeys = ["minProviders", "survive"];
        private static readonly string[] CapabilityKeys = ["critical", "minHealthy", "minProviders", "quorum", "observes", "dependsOn", "capacity", "survive", "publicHosts"];
        private static readonly string[] CapacityKeys = ["property", "minAfterLoss"];
        private static readonly string[] MatchKeys = ["capability", "type", "name", "urn"];
        private static readonly string[] RecoveryKeys = ["capabilities"];
        private static readonly string[] SuppressionKeys = ["rule", "capability", "reason", "expires"];
        private static readonly string[] QuorumValues = ["majority", "none"];

        // Declared capability names, known before any spec is read so references can be checked in one pass.
        private ImmutableSortedSet<string> _declared = [];

        public PlacementPolicy ReadPolicy(YamlNode root)
        {
            var fields = nodes.Mapping(root, "the policy", RootKeys, allowNull: false);
            var capabilitiesNode = fields.GetValueOrDefault("capabilities")
                ?? throw nodes.Fail(root, "the policy declares no capabilities: add a 'capabilities' section");
            var capabilities = nodes.Mapping(capabilitiesNode, "capabilities", keys: null, allowNull: false);
            if (capabilities.Count == 0)
            {
                throw nodes.Fail(capabilitiesNode, "the policy declares no capabilities: 'capabilities' is empty");
            }

            _declared = [.. capabilities.Keys];

            return new PlacementPolicy
            {
                Source = nodes.Source,
                Defaults = fields.TryGetValue("defaults", out var defaults) ? ReadDefaults(defaults) : new PolicyDefaults(),
                Capabilities = capabilities.ToImmutableSortedDictionary(pair => pair.Key, pair => ReadCapability(pair.Key, pair.Value), StringComparer.Ordinal),
                Match = fields.TryGetValue("match", out var match) ? [.. nodes.Sequence(match, "match").Select(ReadMatch)] : [],
                Recovery = fields.TryGetValue("recovery", out var recovery) ? ReadRecovery(recovery) : null,
                Suppressions = fields.TryGetValue("suppressions", out var suppressions) ? [.. nodes.Sequence(suppressions, "suppressions").Select(ReadSuppression)] : [],
                Budgets = fields.TryGetValue("budgets", out var budgets) ? ReadBudgets(budgets) : ImmutableSortedDictionary<AlertTarget, TimeSpan>.Empty,
            };
        }

        private ImmutableSortedDictionary<AlertTarget, TimeSpan> ReadBudgets(YamlNode node) =>
            nodes.Mapping(node, "budgets", BudgetKeys, allowNull: true).ToImmutableSortedDictionary(
                pair => pair.Key == "page" ? AlertTarget.Page : AlertTarget.PublicStatus,
                pair => Duration(pair.Value, $"budgets.{pair.Key}"));

        /// <summary>A Prometheus-style duration: <c>90s</c>, <c>5m</c>, <c>1h30m</c>.</summary>
        private TimeSpan Duration(YamlNode node, string what)
        {
            var text = nodes.Text(node, what);
            var match = DurationPattern().Match(text);
            if (!match.Success || text.Length == 0)
            {
                throw nodes.Fail(node, $"'{what}' must be a duration such as 90s, 5m or 1h30m, not '{text}'");
            }

            static int Part(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : 0;
            return new TimeSpan(Part(match.Groups["h"]), Part(match.Groups["m"]), Part(match.Groups["s"]));
        }

        private PolicyDefaults ReadDefaults(YamlNode node)
        {
            var fields = nodes.Mapping(node, "defaults", DefaultsKeys, allowNull: true);
            var defaults = new PolicyDefaults();
            return defaults with
            {
                MinProviders = fields.TryGetValue("minProviders", out var minProviders) ? nodes.Integer(minProviders, "minProviders", minimum: 1) : defaults.MinProviders,
                Survive = fields.TryGetValue("survive", out var survive) ? ReadSurvive(survive) : defaults.Survive,
            };
        }

        private CapabilitySpec ReadCapability(string name, YamlNode node)
        {
            var fields = nodes.Mapping(node, $"capability '{name}'", CapabilityKeys, allowNull: true);
            var spec = new CapabilitySpec { Name = name };
            return spec with
            {
                Critical = fields.TryGetValue("critical", out var critical) ? nodes.Boolean(critical, "critical") : spec.Critical,
                MinHealthy = fields.TryGetValue("minHealthy", out var minHealthy) ? nodes.Integer(minHealthy, "minHealthy", minimum: 1) : spec.MinHealthy,
                MinProviders = fields.TryGetValue("minProviders", out var minProviders) ? nodes.Integer(minProviders, "minProviders", minimum: 1) : spec.MinProviders,
                Quorum = fields.TryGetValue("quorum", out var quorum) ? ReadQuorum(quorum) : spec.Quorum,
                Observes = fields.TryGetValue("observes", out var observes) ? ReadReferences(observes, "observes", self: name) : spec.Observes,
                DependsOn = fields.TryGetValue("dependsOn", out var dependsOn) ? ReadReferences(dependsOn, "dependsOn", self: name) : spec.DependsOn,
                Capacity = fields.TryGetValue("capacity", out var capacity) ? ReadCapacity(capacity) : spec.Capacity,
                Survive = fields.TryGetValue("survive", out var survive) ? ReadSurvive(survive) : spec.Survive,
                PublicHosts = fields.TryGetValue("publicHosts", out var hosts) ? ReadHosts(hosts) : spec.PublicHosts,
            };
        }

        private ImmutableArray<string> ReadHosts(YamlNode node) =>
            [.. nodes.Sequence(node, "publicHosts")
                .Select(item => nodes.Text(item, "publicHosts").TrimEnd('.').ToLowerInvariant())
                .Distinct(StringComparer.Ordinal)];

        private Quorum ReadQuorum(YamlNode node) =>
            nodes.OneOf(node, "quorum", QuorumValues) == "majority" ? Quorum.Majority : Quorum.None;

        private CapacitySpec ReadCapacity(YamlNode node)
        {
            var fields = nodes.Mapping(node, "capacity", CapacityKeys, allowNull: false);
            return new CapacitySpec
            {
                Property = nodes.Text(nodes.Required(fields, node, "capacity", "property"), "property"),
                MinAfterLoss = nodes.Number(nodes.Required(fields, node, "capacity", "minAfterLoss"), "minAfterLoss", minimum: 0),
            };
        }

        private ImmutableArray<DomainKind> ReadSurvive(YamlNode node)
        {
            var keywords = Enum.GetValues<DomainKind>().Select(kind => kind.Keyword()).ToArray();
            return [.. nodes.Sequence(node, "survive")
                .Select(item =>
                {
                    var word = nodes.Text(item, "survive");
                    return DomainKinds.TryParse(word, out var kind) ? kind : throw nodes.Fail(item, Unknown("domain kind in 'survive'", word, keywords));
                })
                .Distinct()
                .Order()];
        }

        private ImmutableArray<string> ReadReferences(YamlNode node, string field, string? self)
        {
            var names = new List<string>();
            foreach (var item in nodes.Sequence(node, field))
            {
                var name = ReadReference(item, field);
                if (name == self)
                {
                    throw nodes.Fail(item, $"capability '{self}' cannot list itself in '{field}'");
                }

                names.Add(name);
            }

            return [.. names.Distinct(StringComparer.Ordinal)];
        }

        private string ReadReference(YamlNode node, string field)
        {
            var name = nodes.Text(node, field);
            return _declared.Contains(name)
                ? name
                : throw nodes.Fail(node, Unknown($"capability in '{field}'", name, _declared) + " Declare it under 'capabilities' first.");
        }

        private MatchRule ReadMatch(YamlNode node)
        {
            var fields = nodes.Mapping(node, "a match rule", MatchKeys, allowNull: false);
            var rule = new MatchRule
            {
                Capability = ReadReference(nodes.Required(fields, node, "a match rule", "capability"), "match.capability"),
                Type = ReadOptionalText(fields, "type"),
                Name = ReadOptionalText(fields, "name"),
                Urn = ReadOptionalText(fields, "urn"),
                Line = (int)node.Start.Line,
            };

            // A rule with nothing to match on would claim every untagged resource for one capability.
            return rule is { Type: null, Name: null, Urn: null }
                ? throw nodes.Fail(node, "a match rule needs at least one of 'type', 'name' or 'urn'")
                : rule;
        }

        private RecoverySpec ReadRecovery(YamlNode node)
        {
            var fields = nodes.Mapping(node, "recovery", RecoveryKeys, allowNull: true);
            return new RecoverySpec
            {
                Capabilities = fields.TryGetValue("capabilities", out var capabilities) ? ReadReferences(capabilities, "recovery.capabilities", self: null) : [],
            };
        }

        private Suppression ReadSuppression(YamlNode node)
        {
            var fields = nodes.Mapping(node, "a suppression", SuppressionKeys, allowNull: false);
            return new Suppression
            {
                Rule = nodes.Text(nodes.Required(fields, node, "a suppression", "rule"), "rule"),
                Capability = ReadOptionalText(fields, "capability"),
                Reason = fields.TryGetValue("reason", out var reason) && !Nodes.IsNull(reason) ? nodes.Text(reason, "reason") : null,
                Expires = fields.TryGetValue("expires", out var expires) ? nodes.Date(expires, "expires") : null,
                Line = (int)node.Start.Line,
            };
        }

        private string? ReadOptionalText(Dictionary<string, YamlNode> fields, string key) =>
            fields.TryGetValue(key, out var node) ? nodes.Text(node, key) : null;
    }

    [GeneratedRegex("^(?:(?<h>[0-9]+)h)?(?:(?<m>[0-9]+)m)?(?:(?<s>[0-9]+)s)?$")]
    private static partial Regex DurationPattern();
}
