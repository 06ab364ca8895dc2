using System.Collections.Immutable;

namespace CloudIam.Infra.Stacks;

/// <summary>
/// Stack config as read from a stack file (YAML) or PULUMI_CONFIG (JSON), before binding. Each node keeps
/// where it came from (<c>line 12, column 7</c> or <c>$["cloudiam-infra:clusters"][0].region</c>) for messages.
/// </summary>
internal abstract record ConfigNode(string Location);

/// <summary>A scalar's text; <paramref name="Quoted"/> tells whether YAML could have typed it (e.g. <c>1.30</c> → 1.3).</summary>
internal sealed record ConfigScalar(string Value, bool Quoted, string Location) : ConfigNode(Location);

internal sealed record ConfigList(ImmutableArray<ConfigNode> Items, string Location) : ConfigNode(Location);

internal sealed record ConfigMap(ImmutableArray<KeyValuePair<string, ConfigNode>> Entries, string Location) : ConfigNode(Location);

/// <summary>A <c>{secure: …}</c> value: encrypted, never decrypted or read by the program.</summary>
internal sealed record ConfigSecure(string Location) : ConfigNode(Location);
