using System.CommandLine;
using CloudIam.Infra.Reports;
using CloudIam.Placement.Analysis;
using CloudIam.Placement.Simulation;
using CloudIam.Pulumi.Providers;

namespace CloudIam.Infra.Cli.Verbs;

/// <summary><c>simulate</c>: what survives an outage of the named domains or a scenario.</summary>
public static class SimulateVerb
{
    public static Command Create(CliContext context)
    {
        var source = new DesignSourceOptions();
        var policy = CommonOptions.Policy();
        var outage = new Option<string?>("--outage", "-o") { Description = "Failed domains, comma-separated (e.g. scaleway,aws/eu-west-3a or scaleway/fr-par/net:*)." }.NotBlank();
        var scenario = new Option<string?>("--scenario") { Description = "A scenario YAML file (e.g. scenarios/2026-scaleway-private-network-dns.yaml)." }.NotBlank();
        var format = CommonOptions.Format(OutputFormat.Text, OutputFormat.Json, OutputFormat.Markdown);
        var command = new Command("simulate", "Remove failure domains (and everything that depends on them) and report, per capability, what is left. Exit 0 when every critical capability stays up, 1 otherwise.");
        source.AddTo(command);
        command.Options.Add(policy);
        command.Options.Add(outage);
        command.Options.Add(scenario);
        command.Options.Add(format);
        command.Validators.Add(result =>
        {
            if ((result.GetResult(outage) is null) == (result.GetResult(scenario) is null))
            {
                result.AddError("give exactly one of --outage or --scenario");
            }
        });
        command.SetAction(parsed =>
        {
            var rules = PolicyFiles.Load(parsed.GetValue(policy), context);
            var analysis = DesignAnalysis.Build(source.Load(parsed, context, rules).Design, rules, ProviderCatalog.Shipped.Services);
            var scenarioFile = parsed.GetValue(scenario);
            var loaded = scenarioFile is null ? null : ScenarioLoader.Load(scenarioFile);
            var ids = loaded?.Outage
                ?? [.. parsed.GetValue(outage)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            var report = SimulationReport.Simulate(analysis, analysis.Outage(ids, loaded?.Source ?? "--outage"), loaded?.Name);
            context.Out.Write(SimulationFormatter.Format(report, parsed.GetValue(format)));
            return report.AllCriticalUp ? CloudIamCli.Ok : CloudIamCli.PolicyFailed;
        });
        return command;
    }
}
