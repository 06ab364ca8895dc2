using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using CloudIam.Benchmarks;
using CloudIam.Benchmarks.Synthetic;

// `generate` writes a synthetic export (and policy) for manual `check --state` runs; `validate`
// sanity-checks exports in memory; `stages` times each stage of check once (a quick look before a
// BenchmarkDotNet run); anything else goes to BenchmarkDotNet.
const string ShapeHelp = "--shape is estate (the default), many-small-sites or few-huge-clusters";
return args switch
{
    ["generate", .. var options] => Generate(Options(options)),
    ["validate", .. var options] => Validate(Options(options)),
    ["stages", .. var options] => Stages(Options(options)),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(CloudIam.Benchmarks.CheckBenchmarks).Assembly).Run(args);
    return 0;
}

static int Generate(Dictionary<string, string> options)
{
    if (!options.TryGetValue("--out", out var path) || !options.ContainsKey("--resources"))
    {
        return Usage("generate needs --resources N and --out FILE");
    }

    var resources = int.Parse(options["--resources"], NumberStyles.None, CultureInfo.InvariantCulture);
    var seed = options.TryGetValue("--seed", out var text) ? ulong.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : SyntheticExport.DefaultSeed;
    if (Layout(options, ExportLayout.Indented) is not { } layout)
    {
        return Usage("--layout is indented (as `pulumi stack export` writes it) or compact");
    }

    if (Shape(options) is not { } shape)
    {
        return Usage(ShapeHelp);
    }

    // Written beside the target and moved into place, so an interrupted run never leaves a truncated export.
    var partial = path + ".partial";
    using (var file = File.Create(partial))
    {
        SyntheticExport.Write(file, resources, layout, seed, shape);
    }

    File.Move(partial, path, overwrite: true);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {resources} resources, {new FileInfo(path).Length / 1e6:F1} MB"));
    if (options.TryGetValue("--policy", out var policyPath))
    {
        File.WriteAllText(policyPath, SyntheticPolicy.For(shape));
        Console.WriteLine($"{policyPath}: {SyntheticCapabilities.Of(shape).Count} capabilities");
    }

    return 0;
}

static int Validate(Dictionary<string, string> options)
{
    if (Layout(options, ExportLayout.Compact) is not { } layout)
    {
        return Usage("--layout is compact (what the benchmarks parse) or indented");
    }

    if (Shape(options) is not { } shape)
    {
        return Usage(ShapeHelp);
    }

    var sizes = options.GetValueOrDefault("--resources", "5000,50000").Split(',').Select(n => int.Parse(n, NumberStyles.None, CultureInfo.InvariantCulture));
    foreach (var resources in sizes)
    {
        var watch = Stopwatch.StartNew();
        var export = SyntheticExport.Generate(resources, layout, shape: shape);
        var generated = watch.Elapsed;
        if (!export.AsSpan().SequenceEqual(SyntheticExport.Generate(resources, layout, shape: shape)))
        {
            Console.Error.WriteLine($"{resources}: two generations differ; the generator is not deterministic");
            return 1;
        }

        var summary = ExportSummary.Of(export);
        var parses = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            watch.Restart();
            using var document = System.Text.Json.JsonDocument.Parse(export);
            parses.Add(watch.Elapsed.TotalMilliseconds);
        }

        // The first parse warms up the JIT; the median of the rest is what the floor benchmark should roughly show.
        var median = parses.Skip(1).Order().ElementAt(2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{resources} resources: {summary.Resources} in file, {export.Length / 1e6:F1} MB ({export.Length / (double)summary.Resources:F0} B/resource), generated in {generated.TotalSeconds:F1} s, JsonDocument.Parse median {median:F1} ms (min {parses.Skip(1).Min():F1} ms)"));
        foreach (var (capability, count) in summary.Capabilities)
        {
            var providers = count.Sites.Select(site => site.Split('-')[0]).Distinct().Count();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {capability,-18} {count.Instances,7} instances  {providers} provider(s)  {string.Join(' ', count.Sites)}"));
        }
    }

    return 0;
}

static int Stages(Dictionary<string, string> options)
{
    if (Shape(options) is not { } shape)
    {
        return Usage(ShapeHelp);
    }

    var resources = int.Parse(options.GetValueOrDefault("--resources", "50000"), NumberStyles.None, CultureInfo.InvariantCulture);
    var stages = new CheckStages(shape, resources);
    for (var round = 1; round <= 3; round++)
    {
        var timings = stages.TimeEach();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{shape} {resources}, round {round}: {string.Join("  ", timings.Select(t => $"{t.Stage} {t.Elapsed.TotalMilliseconds:F0} ms"))}"));
    }

    return 0;
}

static ExportLayout? Layout(Dictionary<string, string> options, ExportLayout fallback) =>
    options.TryGetValue("--layout", out var layout)
        ? layout switch
        {
            "indented" => ExportLayout.Indented,
            "compact" => ExportLayout.Compact,
            _ => null,
        }
        : fallback;

static ExportShape? Shape(Dictionary<string, string> options) =>
    options.TryGetValue("--shape", out var shape)
        ? shape switch
        {
            "estate" => ExportShape.Estate,
            "many-small-sites" => ExportShape.ManySmallSites,
            "few-huge-clusters" => ExportShape.FewHugeClusters,
            _ => null,
        }
        : ExportShape.Estate;

static Dictionary<string, string> Options(string[] args)
{
    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        options[args[i]] = args[i + 1];
    }

    return options;
}

static int Usage(string problem)
{
    Console.Error.WriteLine($"{problem}\nusage: generate --resources N --out FILE [--layout indented|compact] [--seed S] [--shape SHAPE] [--policy FILE]\n       validate [--resources N[,N…]] [--layout compact|indented] [--shape SHAPE]\n       stages [--resources N] [--shape SHAPE]\n       (anything else: BenchmarkDotNet switcher arguments)");
    return 2;
}
