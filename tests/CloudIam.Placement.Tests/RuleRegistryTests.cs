using CloudIam.Placement.Rules;

namespace CloudIam.Placement.Tests;

public sealed class RuleRegistryTests
{
    [Fact]
    public void Every_rule_is_registered_once_in_id_order_with_its_explanations()
    {
        Assert.Equal(
            ["PL001", "PL002", "PL003", "PL004", "PL005", "PL006", "PL007", "PL008", "PL009", "PL010", "PL011"],
            RuleRegistry.All.Select(r => r.Id).ToArray());
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
