using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CloudIam.Infra.Reports.Check;
using CloudIam.Placement.Domains;
using CloudIam.Placement.Evaluation;

namespace CloudIam.Infra.Reports;

/// <summary>One serializer configuration for every JSON report, so they all look and sort alike.</summary>
public static class ReportJson
{
    // Reflection-based serialization is unavailable under Native AOT and loses members to trimming, so the
    // metadata comes from the source-generated context and each serialized enum has its own generic converter.
    private static readonly JsonSerializerOptions Options = new()
    {
        TypeInfoResolver = ReportJsonContext.Default,
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters =
        {
            new JsonStringEnumConverter<Verdict>(JsonNamingPolicy.CamelCase),
            new JsonStringEnumConverter<DomainKind>(JsonNamingPolicy.CamelCase),
        },
        NewLine = "\n",
    };

    /// <typeparam name="T">A report root registered in <see cref="ReportJsonContext"/>.</typeparam>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T))) + "\n";
}

/// <summary>The root of every JSON report; the types they contain are found from there.</summary>
[JsonSerializable(typeof(CheckDocument))]
[JsonSerializable(typeof(SarifLog))]
[JsonSerializable(typeof(ImmutableArray<CodeQualityIssue>))]
[JsonSerializable(typeof(PlanDocument))]
[JsonSerializable(typeof(SimulationDocument))]
[JsonSerializable(typeof(DiffDocument))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
