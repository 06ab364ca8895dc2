using CloudIam.Infra.Stacks;

namespace CloudIam.Infra.Tests.Paging;

/// <summary>
/// Which receiver a deployment alert lands on decides which alert path the page budget (PL011) is judged on, so the
/// route matching follows Alertmanager's: every matcher of a route holds, the first route taken wins, else the default.
/// </summary>
public sealed class AlertRouteTests
{
    private static readonly Dictionary<string, string> DeploymentDown = new() { ["alertname"] = "DeploymentDown", ["severity"] = "critical" };

    [Theory]
    [InlineData("severity=\"critical\"", true)]
    [InlineData("severity=critical", true)]
    [InlineData("severity!=\"critical\"", false)]
    [InlineData("severity=~\"crit.*\"", true)]
    [InlineData("severity=~\"crit\"", false)]
    [InlineData("severity!~\"warn.*\"", true)]
    [InlineData("team=\"\"", true)]
    [InlineData("team=\"db\"", false)]
    public void A_matcher_holds_as_in_Alertmanager(string matcher, bool holds)
    {
        var parsed = AlertMatcher.Parse(matcher);

        Assert.NotNull(parsed);
        Assert.Equal(holds, parsed.Holds(DeploymentDown));
    }

    [Theory]
    [InlineData("severity is critical")]
    [InlineData("=\"critical\"")]
    [InlineData("severity==\"critical\"")]
    public void Text_that_is_no_matcher_is_refused(string text) => Assert.Null(AlertMatcher.Parse(text));

    [Fact]
    public void The_first_route_whose_every_matcher_holds_wins_and_the_default_catches_the_rest()
    {
        var alerting = Repository.Stack("prod").Alerting with
        {
            Routes =
            [
                new AlertRoute { Receiver = "team-chat", Matchers = ["severity=\"critical\"", "team=\"db\""] },
                new AlertRoute { Receiver = "oncall", Matchers = ["alertname=~\"Deployment.*\""] },
                new AlertRoute { Receiver = "team-chat", Matchers = ["severity=\"critical\""] },
            ],
        };

        Assert.Equal("oncall", alerting.ReceiverOf(DeploymentDown));
        Assert.Equal(alerting.DefaultReceiver, alerting.ReceiverOf(new Dictionary<string, string> { ["alertname"] = "DiskFull", ["severity"] = "warning" }));
    }
}
