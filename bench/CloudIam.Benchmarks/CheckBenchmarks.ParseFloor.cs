using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CloudIam.Benchmarks.Synthetic;

namespace CloudIam.Benchmarks;

/// <summary>
/// <c>check --state</c> on synthetic exports of growing size, against the cost of merely parsing the
/// same bytes. The check itself lives in <c>CheckBenchmarks.cs</c>, compiled once the reader and the
/// engine land; each benchmark has its own targeted setup, so either half works alone.
/// </summary>
[MemoryDiagnoser]
public partial class CheckBenchmarks
{
    private byte[] _export = [];

    [Params(5_000, 50_000, 500_000)]
    public int Resources { get; set; }

    [GlobalSetup(Target = nameof(JsonDocumentParseFloor))]
    public void SetupParseFloor() => _export = SyntheticExport.Generate(Resources);

    /// <summary>What no reader of these bytes can beat: a DOM of the whole export, nothing extracted.</summary>
    [Benchmark(Baseline = true)]
    public int JsonDocumentParseFloor()
    {
        using var document = JsonDocument.Parse(_export);
        return document.RootElement.GetProperty("deployment").GetProperty("resources").GetArrayLength();
    }
}
