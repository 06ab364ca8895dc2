using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CloudIam.Infra.Tests.Cli;

/// <summary>
/// report.html opened in a real headless Chromium (Debian's <c>chromium</c>, installed by .ci/run): it
/// renders, its inline script runs without an error, and it shows the numbers of report.json.
/// </summary>
public sealed partial class HtmlReportBrowserTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";

    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("cloudiam-html-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public void The_prod_plan_renders_in_chromium_without_console_errors_and_with_the_json_numbers()
    {
        var outDir = Path.Combine(_scratch.FullName, "plan");
        Assert.Equal(0, CliHarness.Run("plan", "--stack", "prod", "--out", outDir).ExitCode);

        var (dom, log) = DumpDom(Path.Combine(outDir, "report.html"));

        Assert.DoesNotContain("data-script-error=\"yes\"", dom, StringComparison.Ordinal);
        Assert.DoesNotMatch(ConsoleError(), log);
        var rendered = int.Parse(RenderedMarker().Match(dom).Groups[1].Value, CultureInfo.InvariantCulture);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")));
        var matrix = json.RootElement.GetProperty("outageMatrix").EnumerateArray().ToList();
        var providers = json.RootElement.GetProperty("resourcesByProvider").EnumerateObject().ToList();
        var capabilityColumns = providers.SelectMany(p => p.Value.EnumerateObject().Select(c => c.Name)).Distinct().Count();
        Assert.Equal(matrix.Sum(r => r.GetProperty("capabilities").GetArrayLength()) + (providers.Count * capabilityColumns), rendered);

        Assert.Contains("Verdict: PASS", dom, StringComparison.Ordinal);
        foreach (var row in matrix)
        {
            Assert.Contains($">{row.GetProperty("domain").GetString()}</text>", dom, StringComparison.Ordinal);
            foreach (var cell in row.GetProperty("capabilities").EnumerateArray())
            {
                Assert.Contains($">{cell.GetProperty("after").GetInt32()}/{cell.GetProperty("before").GetInt32()} {(cell.GetProperty("up").GetBoolean() ? "up" : "DOWN")}</text>", dom, StringComparison.Ordinal);
            }
        }

        foreach (var capability in json.RootElement.GetProperty("policy").GetProperty("capabilities").EnumerateArray())
        {
            var resilience = capability.GetProperty("resilience");
            var degree = resilience.GetProperty("degree").ValueKind == JsonValueKind.Number ? resilience.GetProperty("degree").GetInt32().ToString(CultureInfo.InvariantCulture) : null;
            var witness = string.Join(" + ", resilience.GetProperty("witness").EnumerateArray().Select(w => w.GetString()));
            var instances = capability.GetProperty("instances").GetArrayLength();
            var expected = instances == 0
                ? $"<td>{capability.GetProperty("name").GetString()}</td>"
                : $"<td>{capability.GetProperty("name").GetString()}</td><td>{(capability.GetProperty("critical").GetBoolean() ? "yes" : "no")}</td><td>{string.Join(", ", capability.GetProperty("providers").EnumerateArray().Select(p => p.GetString()))}</td><td>{instances}</td><td>{degree}</td><td>{witness}</td>";
            Assert.Contains(expected, dom, StringComparison.Ordinal);
        }

        foreach (var provider in providers)
        {
            foreach (var count in provider.Value.EnumerateObject())
            {
                Assert.Contains($">{count.Value.GetInt32()}</text>", dom, StringComparison.Ordinal);
            }
        }

        Assert.Contains($"{json.RootElement.GetProperty("security").GetProperty("checks").GetInt32()} checks, 0 finding(s).", dom, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_check_shows_its_violations_with_suggestions_and_the_console_check_catches_a_script_error()
    {
        var result = CliHarness.Run("check", "--state", CliHarness.Fixture("exports/scaleway-only.json"), "--format", "html");
        Assert.Equal(1, result.ExitCode);
        var page = Path.Combine(_scratch.FullName, "check.html");
        File.WriteAllText(page, result.Out);

        var (dom, log) = DumpDom(page);

        Assert.DoesNotMatch(ConsoleError(), log);
        Assert.Contains("class=\"verdict fail\"", dom, StringComparison.Ordinal);
        Assert.Contains("<td>PL001</td><td>metrics</td><td>error</td>", dom, StringComparison.Ordinal);
        Assert.Contains("add one metrics instance on", dom, StringComparison.Ordinal);

        // The same page with a broken script: the check above would have seen it.
        var broken = Path.Combine(_scratch.FullName, "broken.html");
        File.WriteAllText(broken, result.Out.Replace("</body>", "<script>notDefined();</script></body>", StringComparison.Ordinal));
        var (brokenDom, brokenLog) = DumpDom(broken);
        Assert.Contains("data-script-error=\"yes\"", brokenDom, StringComparison.Ordinal);
        Assert.Matches(ConsoleError(), brokenLog);
    }

    private (string Dom, string Log) DumpDom(string page)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium (.ci/run installs it)");
        var profile = Directory.CreateTempSubdirectory("cloudiam-chromium-");
        try
        {
            var start = new ProcessStartInfo(Chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in (string[])
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", $"--user-data-dir={profile.FullName}", "--enable-logging=stderr", "--v=0",
                    "--dump-dom", new Uri(page).AbsoluteUri,
                ])
            {
                start.ArgumentList.Add(argument);
            }

            using var browser = Process.Start(start)!;
            var error = browser.StandardError.ReadToEndAsync();
            var dom = browser.StandardOutput.ReadToEnd();
            Assert.True(browser.WaitForExit(TimeSpan.FromMinutes(2)), "chromium did not finish");
            return (dom, error.Result);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@"data-rendered=""(\d+)""")]
    private static partial Regex RenderedMarker();

    [GeneratedRegex(@"CONSOLE.*(Uncaught|Error)|:ERROR:CONSOLE")]
    private static partial Regex ConsoleError();
}
