using CloudIam.Infra.Reports;
using CloudIam.Infra.Tests.Fuzz;

namespace CloudIam.Infra.Tests.Cli;

/// <summary>
/// Byte-identical output from two processes. String hashing is seeded per process, so a dictionary's order
/// leaking into the output can differ only between processes, never between two runs in one. The plan's
/// program and reports: <see cref="PlanVerbTests.Two_processes_write_byte_identical_program_and_reports"/>.
/// </summary>
public sealed class DeterminismTests
{
    private static readonly string Failing = CliHarness.Fixture("exports/scaleway-only.json");

    private static readonly string Healthy = CliHarness.Fixture("exports/healthy-two-provider.json");

    /// <summary>Every format of every verb that reports, on a design with findings, so there is an order to get wrong.</summary>
    public static TheoryData<string, string> Reports()
    {
        var data = new TheoryData<string, string>();
        foreach (var format in Enum.GetValues<OutputFormat>())
        {
            data.Add("check", format.ToString().ToLowerInvariant());
        }

        foreach (var format in new[] { "text", "json", "markdown" })
        {
            data.Add("simulate", format);
            data.Add("diff", format);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Two_processes_write_byte_identical_reports(string verb, string format)
    {
        string[] args = verb switch
        {
            "check" => ["check", "--state", Failing, "--format", format],
            "simulate" => ["simulate", "--state", Healthy, "--scenario", CliHarness.RepoFile("scenarios/2026-scaleway-private-network-dns.yaml"), "--format", format],
            _ => ["diff", "--base", Healthy, "--head", Failing, "--format", format],
        };

        var first = CliProcess.Run(args);
        var second = CliProcess.Run(args);

        Assert.True(first.ExitCode is 0 or 1, $"exit {first.ExitCode}: {first.Error}");
        Assert.NotEmpty(first.Out);
        Assert.Equal(first.Out, second.Out);
    }
}
