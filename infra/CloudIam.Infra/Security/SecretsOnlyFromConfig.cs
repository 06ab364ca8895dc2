using System.Collections.Immutable;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// SEC007: values under secret-looking keys (<c>…password</c>, <c>…token</c>, <c>…secretKey</c>) are
/// <c>${secretKey}</c> references or <c>fn::secret</c>, never literals: a literal would sit in the emitted program
/// and in Pulumi state in clear. Keys naming an existing Kubernetes Secret (<c>existingSecret</c>) hold a name, and a
/// value that is exactly an environment variable (<c>$NAME</c>, <c>${NAME}</c>) names a secret the pod gets from a
/// Kubernetes Secret (Grafana expands it in provisioning files).
/// </summary>
public sealed partial class SecretsOnlyFromConfig : ISecurityCheck
{
    private static readonly ImmutableArray<string> SecretWords = ["password", "token", "secret", "secretkey", "accesskey", "apikey", "privatekey"];

    public string Id => "SEC007";

    public string Title => "Secrets only through Pulumi secret config";

    public string Why =>
        "The emitted program is printed, logged and diffed; only config secrets and fn::secret stay encrypted in state "
        + "and masked in output.";

    public IEnumerable<SecurityFinding> Check(PulumiProgram program) =>
        program.Resources.SelectMany(resource => Entries(resource.Properties)
            .Where(entry => LooksSecret(entry.Key) && Text(entry.Value) is { Length: > 0 } text && !EnvironmentReference().IsMatch(text))
            .Select(entry => new SecurityFinding
            {
                CheckId = Id,
                Resource = resource.LogicalName,
                Message = $"'{entry.Path}' is a literal; reference a secret config key instead",
            }));

    private static bool LooksSecret(string key)
    {
        var word = key.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return !word.StartsWith("existing", StringComparison.OrdinalIgnoreCase)
            && SecretWords.Any(secret => word.EndsWith(secret, StringComparison.OrdinalIgnoreCase));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\$(\{[A-Z_][A-Z0-9_]*\}|[A-Z_][A-Z0-9_]*)$")]
    private static partial System.Text.RegularExpressions.Regex EnvironmentReference();
}
