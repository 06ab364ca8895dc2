using System.Collections.Concurrent;
using System.Globalization;
using CsCheck;

namespace CloudIam.Infra.Tests.Fuzz;

/// <summary>
/// Runs a generator over cases drawn from a pinned seed, so every run — a developer's and CI's — replays
/// exactly the same inputs and a failure in CI is one anyone can reproduce. (CsCheck's own <c>seed:</c>
/// pins only the first case; the rest come from a clock-seeded generator.) Each case gets its own
/// CsCheck <see cref="PCG"/>, drawn in order from one pinned generator, so the cases do not depend on how
/// many threads run them.
/// </summary>
internal static class PinnedCases
{
    /// <summary>Changing it replays a different corpus; keep it fixed so that CI gates on known cases.</summary>
    public const ulong Seed = 20_261_202;

    private const uint Stream = 12;

    /// <summary>Where a failing input is written whole, to be kept under tests/fixtures/bad/regressions.</summary>
    public static string FailuresDirectory => Path.Combine(AppContext.BaseDirectory, "fuzz-failures");

    /// <summary>
    /// Checks <paramref name="count"/> pinned cases. On failure, reports the lowest failing case (the same
    /// on every run: <see cref="ParallelLoopState.Break"/> finishes every lower case first) with its CsCheck
    /// seed, and writes its input to <see cref="FailuresDirectory"/> under the name it is to be kept as.
    /// </summary>
    /// <param name="keptAs">
    /// The failing input's file name, <c>{0}</c> standing for the case number, in the shape
    /// <see cref="RegressionTests"/> replays by: <c>policy-case{0}.yaml</c>, <c>Pulumi.fuzz-case{0}.yaml</c>.
    /// </param>
    public static void Check(Gen<byte[]> inputs, string keptAs, int count, int threads, Action<byte[]> check)
    {
        var pinned = new PCG(Stream, Seed);
        var seeds = Enumerable.Range(0, count).Select(_ => pinned.Next64()).ToArray();
        var failures = new ConcurrentBag<(int Case, string Seed, byte[] Input, Exception Error)>();

        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, (index, loop) =>
        {
            var pcg = new PCG(Stream, seeds[index]);
            var state = pcg.State;
            var input = inputs.Generate(pcg, null, out _);
            try
            {
                check(input);
            }
            catch (Exception e)
            {
                failures.Add((index, pcg.ToString(state), input, e));
                loop.Break();
            }
        });

        if (!failures.IsEmpty)
        {
            var first = failures.MinBy(failure => failure.Case);
            Directory.CreateDirectory(FailuresDirectory);
            var kept = Path.Combine(FailuresDirectory, string.Format(CultureInfo.InvariantCulture, keptAs, first.Case));
            File.WriteAllBytes(kept, first.Input);
            Assert.Fail($"case {first.Case} of {count} (CsCheck seed {first.Seed}) failed: {first.Error.Message}\n"
                + $"input ({ReaderFuzzTests.Describe(first.Input)}) written to {kept}; keep it in tests/fixtures/bad/regressions/, where RegressionTests replays every file");
        }
    }
}
