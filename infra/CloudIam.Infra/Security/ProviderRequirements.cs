using System.Globalization;
using CloudIam.Pulumi.Providers;
using CloudIam.Pulumi.Yaml;
using static CloudIam.Infra.Security.ProgramValues;

namespace CloudIam.Infra.Security;

/// <summary>
/// Checks a resource against what its provider file says a rule requires (<c>security</c>, format in
/// docs/inference.md): the rule names the subject and the requirements, the file says where each setting lives or
/// that the provider does not offer it. A requirement the file does not mention cannot be verified and is reported,
/// so a provider added as data is never passed unseen.
/// </summary>
internal static class ProviderRequirements
{
    /// <summary>A finding per unmet requirement of <paramref name="subject"/>, for each resource given.</summary>
    public static IEnumerable<SecurityFinding> Check(
        ISecurityCheck check, PulumiProgram program, ProviderCatalog providers, IEnumerable<ResourceDeclaration> resources, string subject, params string[] names) =>
        from resource in resources
        from problem in Problems(program, providers, resource, subject, names)
        select new SecurityFinding { CheckId = check.Id, Resource = resource.LogicalName, Message = problem };

    private static IEnumerable<string> Problems(PulumiProgram program, ProviderCatalog providers, ResourceDeclaration resource, string subject, string[] names)
    {
        var provider = providers.OfType(resource.Type);
        foreach (var name in names)
        {
            switch (provider?.Requirement(subject, name))
            {
                case null:
                    yield return $"cannot verify {subject}.{name}: the {provider?.Name ?? resource.Type} provider file says neither where it is set "
                        + "nor that it is not offered (security section)";
                    break;
                case { NotOffered: not null }:
                    break;
                case var requirement when !Met(program, providers, resource, requirement):
                    yield return Advice(requirement);
                    break;
            }
        }
    }

    /// <summary>
    /// A finding per unmet requirement of everything the provider file lists under <paramref name="subject"/>, for
    /// rules whose settings differ in kind between providers, not only in where they live (a public-access block's
    /// four switches, an ACL). A "must not grant" requirement reads the resource, or its role's resources referring to
    /// it. A file listing nothing under the subject, nor saying it is not offered, cannot be verified and is reported.
    /// </summary>
    public static IEnumerable<SecurityFinding> CheckAll(
        ISecurityCheck check, PulumiProgram program, ProviderCatalog providers, IEnumerable<ResourceDeclaration> resources, string subject) =>
        from resource in resources
        from problem in AllProblems(program, providers, resource, subject).Distinct(StringComparer.Ordinal)
        select new SecurityFinding { CheckId = check.Id, Resource = resource.LogicalName, Message = problem };

    private static IEnumerable<string> AllProblems(PulumiProgram program, ProviderCatalog providers, ResourceDeclaration resource, string subject)
    {
        var provider = providers.OfType(resource.Type);
        var listed = provider?.Security.GetValueOrDefault(subject);
        if (listed is { NotOffered: not null })
        {
            return [];
        }

        if (listed is null || listed.Requirements.Count == 0)
        {
            return [$"cannot verify {subject}: the {provider?.Name ?? resource.Type} provider file lists no requirement nor says the subject is not offered (security section)"];
        }

        return listed.Requirements.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Value).Where(requirement => requirement.NotOffered is null)
            .Select(requirement => requirement.Forbidden.IsEmpty
                ? Met(program, providers, resource, requirement) ? null : Advice(requirement)
                : Holders(program, providers, resource, requirement).SelectMany(holder => Offending(holder, requirement)).Distinct(StringComparer.Ordinal).ToList() is { Count: > 0 } bad
                    ? Forbids(requirement, bad)
                    : null)
            .OfType<string>();
    }

    /// <summary>
    /// A finding per resource of one of <paramref name="roles"/> holding a literal its provider file forbids under
    /// <paramref name="subject"/> (its "must not grant" requirements on that role). A resource whose provider file
    /// forbids nothing for its role, and does not say the subject is not offered, cannot be verified and is reported.
    /// </summary>
    public static IEnumerable<SecurityFinding> CheckForbidden(
        ISecurityCheck check, PulumiProgram program, ProviderCatalog providers, string subject, params ResourceRole[] roles) =>
        from resource in program.Resources
        let role = providers.RoleOf(resource.Type)
        where role.HasValue && roles.Contains(role.Value)
        from problem in ForbiddenProblems(providers, resource, role.GetValueOrDefault(), subject)
        select new SecurityFinding { CheckId = check.Id, Resource = resource.LogicalName, Message = problem };

    private static IEnumerable<string> ForbiddenProblems(ProviderCatalog providers, ResourceDeclaration resource, ResourceRole role, string subject)
    {
        var provider = providers.OfType(resource.Type);
        if (provider?.Security.GetValueOrDefault(subject) is { NotOffered: not null })
        {
            return [];
        }

        var reading = provider?.Security.GetValueOrDefault(subject)?.Requirements
            .Where(pair => !pair.Value.Forbidden.IsEmpty && pair.Value.On == role)
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => pair.Value)
            .ToList() ?? [];
        return reading.Count == 0
            ? [$"cannot verify {subject}: the {provider?.Name ?? resource.Type} provider file forbids nothing of its {ProviderFile.Kebab(role)} "
                + "resources nor says the subject is not offered (security section)"]
            : reading.Select(requirement => (requirement, bad: Offending(resource, requirement))).Where(found => found.bad.Count > 0)
                .Select(found => Forbids(found.requirement, found.bad));
    }

    /// <summary>The finding for literals a "must not grant" requirement forbids, with its <c>fix</c>.</summary>
    public static string Forbids(ProviderRequirement requirement, IEnumerable<string> offending) =>
        $"{requirement.Path ?? requirement.Key} is {string.Join(", ", offending)} (forbidden)" + (requirement.Fix is { } fix ? $": {fix}" : "");

    /// <summary>The literals at the requirement's path or key that one of its forbidden patterns matches, in order, once each.</summary>
    public static List<string> Offending(ResourceDeclaration resource, ProviderRequirement requirement) =>
        [.. Found(resource, requirement).SelectMany(Literals).Where(value => requirement.Forbidden.Any(pattern => pattern.IsMatch(value))).Distinct(StringComparer.Ordinal)];

    /// <summary>Whether the resource, or a resource of the requirement's role linked to it, has the required setting.</summary>
    public static bool Met(PulumiProgram program, ProviderCatalog providers, ResourceDeclaration resource, ProviderRequirement requirement) =>
        Holders(program, providers, resource, requirement).Any(holder => requirement.Path is null && requirement.Key is null
            || Found(holder, requirement).Any(value => Literals(value).ToHashSet(StringComparer.Ordinal) is var literals && requirement.Values.All(literals.Contains)));

    /// <summary>The resource itself, or the resources of the requirement's role that refer to it or are named after it.</summary>
    private static IEnumerable<ResourceDeclaration> Holders(PulumiProgram program, ProviderCatalog providers, ResourceDeclaration resource, ProviderRequirement requirement)
    {
        if (requirement.On is not { } role)
        {
            return [resource];
        }

        var name = requirement.Named is { } named ? Fill(named.Template, resource) : null;
        return WithRole(program, providers, role).Where(holder =>
            requirement.Via.Any(input => holder.Refers(resource.LogicalName, input))
            || (name is not null && Text(holder.Property(requirement.Named!.Value.Input)) == name));
    }

    /// <summary>The template with each <c>{input}</c> replaced by the resource's literal input; null when one is not a literal.</summary>
    private static string? Fill(string template, ResourceDeclaration resource)
    {
        var parts = template.Split('{', '}');
        for (var i = 1; i < parts.Length; i += 2)
        {
            if (Text(resource.Property(parts[i])) is not { } value)
            {
                return null;
            }

            parts[i] = value;
        }

        return string.Concat(parts);
    }

    private static IEnumerable<Expr> Found(ResourceDeclaration holder, ProviderRequirement requirement) =>
        (requirement.Path is { } path
            ? new[] { holder.Property(path) }
            : Entries(holder.Properties).Where(entry => entry.Key == requirement.Key).Select(entry => (Expr?)entry.Value))
        .OfType<Expr>().Where(value => value is not NullLiteral);

    /// <summary>A literal as text, or a list's literals; a reference has none, so a value that must be literal is unmet.</summary>
    private static IEnumerable<string> Literals(Expr value) =>
        (value is ExprList list ? list.Items : [value]).Select(item => item switch
        {
            StringLiteral text => text.Value,
            BoolLiteral boolean => boolean.Value ? "true" : "false",
            NumberLiteral number => number.Value.ToString(CultureInfo.InvariantCulture),
            _ => null,
        }).OfType<string>();

    /// <summary>What to do when the requirement is unmet: the file's <c>fix</c>, or advice made from where the setting lives.</summary>
    public static string Advice(ProviderRequirement requirement)
    {
        if (requirement.Fix is { } fix)
        {
            return fix;
        }

        var setting = (requirement.Path ?? requirement.Key) is { } at
            ? requirement.Values.IsEmpty ? $"set {at}" : $"set {at}: {string.Join(", ", requirement.Values)}"
            : null;
        if (requirement.On is not { } role)
        {
            return setting!;
        }

        var link = requirement.Named is { } named ? $"with {named.Input} {named.Template}" : $"referring to it through {string.Join(" or ", requirement.Via)}";
        return $"no {role} resource {link}" + (setting is null ? "" : $" does {setting}");
    }
}
