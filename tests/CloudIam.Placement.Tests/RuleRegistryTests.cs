using CloudIam.Placement.Rules;

namespace CloudIam.Placement.Tests;

public sealed class RuleRegistryTests
{
    [Fact]
    public void Every_rule_is_registered_once_in_id_order_with_its_explanations()
    {
        var ids = RuleRegistry.All.Select(r => r.Id).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^PL[0-9]{3}$", id));
        // None of the documented rules went missing; a new one needs no edit here (README "Extending").
        Assert.Superset(Enumerable.Range(1, 11).Select(n => $"PL{n:000}").ToHashSet(), ids.ToHashSet());
        Assert.All(RuleRegistry.All, rule =>
        {
            Assert.StartsWith(rule.Id, rule.GetType().Name, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(rule.Title));
            Assert.False(string.IsNullOrWhiteSpace(rule.Explanation));
            Assert.False(string.IsNullOrWhiteSpace(rule.HowToFix));
        });
    }

    [Fact]
    public void Every_rule_class_in_the_library_is_registered()
    {
        var ruleTypes = typeof(IPlacementRule).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IPlacementRule).IsAssignableFrom(t))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(ruleTypes, RuleRegistry.All.Select(r => r.GetType().Name));
    }

    [Fact]
    public void Find_is_exact()
    {
        Assert.IsType<PL004InvisibleOutage>(RuleRegistry.Find("PL004"));
        Assert.Null(RuleRegistry.Find("pl004"));
        Assert.Null(RuleRegistry.Find("PL099"));
    }
}
