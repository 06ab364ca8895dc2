using System.Collections.Immutable;
using CloudIam.Infra.Reports.Check;

namespace CloudIam.Infra.Reports;

/// <summary>
/// The shape of <c>diff --format json</c> (built by <see cref="DiffFormatter"/>). The serializer writes members in
/// declaration order, so the order of each record below is the document's.
/// </summary>
/// <param name="Capabilities">Only the capabilities the change touches.</param>
/// <param name="Introduced">Violations of the head that the base does not have.</param>
/// <param name="Resolved">Violations of the base that the head no longer has.</param>
public sealed record DiffDocument(
    string Base,
    string Head,
    bool Regression,
    ImmutableArray<CapabilityChangeEntry> Capabilities,
    ImmutableArray<ViolationEntry> Introduced,
    ImmutableArray<ViolationEntry> Resolved);

/// <param name="Degree">The resilience degree; a side beyond the searched depth has no value.</param>
public sealed record CapabilityChangeEntry(
    string Name,
    bool Critical,
    BeforeAfter<ImmutableArray<string>> Providers,
    BeforeAfter<int> Instances,
    BeforeAfter<int?> Degree);

public sealed record BeforeAfter<T>(T Before, T After);
