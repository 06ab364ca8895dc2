using System.Reflection;
using System.Text.RegularExpressions;
using CloudIam.Infra.Components;
using CloudIam.Pulumi.Charts;
using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Tests;

/// <summary>Every Helm value the program sets, on every stack, exists in the chart at its pinned version.</summary>
public partial class ChartValuesTests
{
    public static TheoryData<string> Stacks => CloudIamProgramTests.Stacks;

    /// <summary>Every chart pinned in <see cref="HelmCharts"/>, also the ones added after this test was written.</summary>
    public static TheoryData<string, string> PinnedCharts
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var chart in typeof(HelmCharts).GetProperties(BindingFlags.Public | BindingFlags.Static)
                .Where(property => property.PropertyType == typeof(HelmChart))
                .Select(property => (HelmChart)property.GetValue(null)!))
            {
                data.Add(chart.Name, chart.Version);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(PinnedCharts))]
    public void Every_pinned_chart_has_facts_read_at_its_release_tag(string chart, string version)
    {
        var facts = Facts(chart, version);

        Assert.Equal(chart, facts.Chart);
        Assert.Equal(version, facts.Version);
        Assert.Matches(CommitPattern(), facts.Source.Commit);
        Assert.Contains(version, facts.Source.Tag, StringComparison.Ordinal);
        Assert.NotEmpty(facts.Keys);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_values_path_the_program_emits_exists_in_its_chart(string stack)
    {
        var releases = Releases(stack).ToList();
        Assert.NotEmpty(releases);

        foreach (var (name, chart, version, values) in releases)
        {
            Assert.True(File.Exists(FactsPath(chart, version)), $"{name}: no {ChartValuesFacts.FileFormat} for {chart} {version}");
            Assert.Empty(Facts(chart, version).UnknownPaths(values).Select(path => $"{name} ({chart} {version}): {path}"));
        }
    }

    [Fact]
    public void A_misspelled_key_is_reported_with_its_path()
    {
        var (_, chart, version, values) = Releases("prod").First(release => release.Chart == HelmCharts.Gatus.Name);
        var misspelled = values.Items.ContainsKey("persistence")
            ? Rename(values, "persistence", "persistance")
            : throw new InvalidOperationException("gatus values have no persistence");

        Assert.Equal(["persistance"], Facts(chart, version).UnknownPaths(misspelled).AsEnumerable());
    }

    [Fact]
    public void A_misspelled_nested_key_and_list_item_field_are_reported_but_free_form_subtrees_are_not()
    {
        var facts = Facts(HelmCharts.KubePrometheusStack.Name, HelmCharts.KubePrometheusStack.Version);
        var values = new ExprMap
        {
            ["kubeScheduler"] = new ExprMap { ["enabeld"] = false },
            ["kubeApiServer"] = new ExprMap
            {
                ["serviceMonitor"] = new ExprMap
                {
                    ["metricRelabelings"] = new ExprList([new ExprMap { ["action"] = "drop", ["sourceLabelz"] = new ExprList(["__name__"]) }]),
                },
            },
            ["alertmanager"] = new ExprMap { ["config"] = new ExprMap { ["anything"] = new ExprMap { ["goes"] = true } } },
        };

        Assert.Equal(["kubeApiServer.serviceMonitor.metricRelabelings[].sourceLabelz", "kubeScheduler.enabeld"], facts.UnknownPaths(values).AsEnumerable());
    }

    private static IEnumerable<(string Name, string Chart, string Version, ExprMap Values)> Releases(string stack) =>
        Repository.Program(stack).OfType<HelmRelease>().Select(release => (
            release.LogicalName,
            ((StringLiteral)release.Property("chart")!).Value,
            ((StringLiteral)release.Property("version")!).Value,
            (ExprMap)release.Property("values")!));

    private static ExprMap Rename(ExprMap map, string from, string to) =>
        new ExprMap { [to] = map[from] }.With(map.Items.Where(entry => entry.Key != from).Aggregate(new ExprMap(), (rest, entry) => rest.With(new ExprMap { [entry.Key] = entry.Value })));

    private static string FactsPath(string chart, string version) => Path.Combine(Repository.Root, "charts", ChartValuesFacts.FileName(chart, version));

    private static ChartValuesFacts Facts(string chart, string version) => ChartValuesFacts.Load(FactsPath(chart, version));

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex CommitPattern();
}
