using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace CloudIam.Infra.Reports.Check;

/// <summary>
/// The part of SARIF 2.1.0 that <see cref="CheckSarif"/> writes, named after the schema's objects (sarifLog,
/// run, toolComponent, reportingDescriptor, result, location…). The serializer writes members in declaration order.
/// </summary>
public sealed record SarifLog([property: JsonPropertyName("$schema")] string Schema, string Version, ImmutableArray<SarifRun> Runs);

public sealed record SarifRun(SarifTool Tool, ImmutableArray<SarifResult> Results);

public sealed record SarifTool(SarifToolComponent Driver);

public sealed record SarifToolComponent(string Name, string InformationUri, ImmutableArray<SarifRule> Rules);

/// <summary>A reportingDescriptor: one placement rule.</summary>
public sealed record SarifRule(string Id, string Name, SarifMessage ShortDescription, SarifMessage FullDescription, SarifMessage Help);

/// <summary>A message, or a rule's multiformatMessageString: both are plain text here.</summary>
public sealed record SarifMessage(string Text);

/// <param name="Level">"error" or "warning".</param>
public sealed record SarifResult(
    string RuleId,
    string Level,
    SarifMessage Message,
    ImmutableArray<SarifLocation> Locations,
    SarifFingerprints PartialFingerprints,
    SarifProperties Properties);

public sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation, ImmutableArray<SarifLogicalLocation> LogicalLocations);

public sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation);

public sealed record SarifArtifactLocation(string Uri);

public sealed record SarifLogicalLocation(string Name, string Kind);

public sealed record SarifFingerprints(string Placement);

/// <summary>The result's property bag: what SARIF has no member for.</summary>
public sealed record SarifProperties(ImmutableArray<string> Domains, string Suggestion);
