using System.Text.Json;

namespace CloudIam.Infra.Tests.Cli;

/// <summary>
/// Reports end up in merge-request comments and CI artefacts, so no secret of the state may reach
/// them: neither its ciphertext (decryptable by anyone holding the stack passphrase) nor, for an
/// export made with <c>--show-secrets</c>, its plaintext. Every export fixture is checked, new ones
/// included, against the secrets read from the fixture itself.
/// </summary>
public sealed class SecretLeakTests
{
    /// <summary>Pulumi's signature key of typed values, and its value for a secret (pulumi-facts §6.1).</summary>
    private const string SignatureKey = "4dabf18193072939515e22adb298388d";
    private const string SecretSignature = "1b47061264138c4ac30d75fd1eb44270";

    private static string Exports => CliHarness.Fixture("exports");

    public static TheoryData<string> ExportFixtures => new(
        Directory.EnumerateFiles(Exports, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(ExportFixtures))]
    public void No_report_contains_a_secret_of_the_export(string fixture)
    {
        var path = Path.Combine(Exports, fixture);
        var secrets = SecretsIn(path);
        Assert.NotEmpty(secrets);

        string[][] runs =
        [
            ["check", "--state", path, "--format", "json"],
            ["check", "--state", path, "--format", "markdown"],
            ["check", "--state", path, "--format", "sarif"],
            ["simulate", "--state", path, "--outage", "aws", "--format", "json"],
        ];
        foreach (var args in runs)
        {
            var result = CliHarness.Run(args);

            // Only a real report proves anything: an error message would contain no secret either.
            Assert.True(result.ExitCode is 0 or 1, $"{string.Join(' ', args)}: exit {result.ExitCode}: {result.Error}");
            Assert.NotEmpty(result.Out);
            foreach (var secret in secrets)
            {
                Assert.False(result.Out.Contains(secret, StringComparison.Ordinal), $"{args[0]} {args[^1]} on {fixture} prints the secret '{secret}'");
                Assert.False(result.Error.Contains(secret, StringComparison.Ordinal), $"{args[0]} {args[^1]} on {fixture} writes the secret '{secret}' to stderr");
            }
        }
    }

    [Fact]
    public void At_least_one_export_fixture_holds_plaintext_secrets()
    {
        // Otherwise the plaintext half of the check above would never run.
        Assert.Contains(
            Directory.EnumerateFiles(Exports, "*.json"),
            path => File.ReadAllText(path).Contains("\"plaintext\":", StringComparison.Ordinal));
    }

    /// <summary>
    /// Every ciphertext and plaintext of the export. A plaintext is the JSON text of the secret value,
    /// so the strings inside it count as well: a report could print the decoded token without the quotes.
    /// </summary>
    private static List<string> SecretsIn(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var secrets = new List<string>();
        foreach (var secret in Descendants(document.RootElement).Where(IsSecret))
        {
            if (secret.TryGetProperty("ciphertext", out var ciphertext))
            {
                secrets.Add(ciphertext.GetString()!);
            }

            if (secret.TryGetProperty("plaintext", out var plaintext))
            {
                secrets.Add(plaintext.GetString()!);
                using var value = JsonDocument.Parse(plaintext.GetString()!);
                secrets.AddRange(Descendants(value.RootElement).Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
            }
        }

        // A blank string would be "found" in any output.
        return [.. secrets.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal)];
    }

    private static bool IsSecret(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(SignatureKey, out var signature)
        && signature.ValueKind == JsonValueKind.String
        && signature.GetString() == SecretSignature;

    private static IEnumerable<JsonElement> Descendants(JsonElement element)
    {
        yield return element;
        IEnumerable<JsonElement> children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => element.EnumerateArray(),
            _ => [],
        };
        foreach (var descendant in children.SelectMany(Descendants))
        {
            yield return descendant;
        }
    }
}
