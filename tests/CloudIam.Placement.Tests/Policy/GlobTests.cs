using System.Text.RegularExpressions;
using CloudIam.Placement.Policy;
using CsCheck;

namespace CloudIam.Placement.Tests.Policy;

public sealed class GlobTests
{
    [Theory]
    [InlineData("alertmanager*", "alertmanager-aws", true)]
    [InlineData("alertmanager*", "my-alertmanager", false)]
    [InlineData("urn:pulumi:*::*::*victoria*", "urn:pulumi:prod::infra::kubernetes:helm.sh/v3:Release::victoria-metrics", true)]
    [InlineData("urn:pulumi:*::*::*victoria*", "urn:pulumi:prod::infra::kubernetes:helm.sh/v3:Release::prometheus", false)]
    [InlineData("a*b*a", "aba", true)]
    [InlineData("a*b*a", "ab", false)]
    [InlineData("a*a", "a", false)]
    [InlineData("?b*", "ab", true)]
    [InlineData("*", "", true)]
    [InlineData("", "", true)]
    [InlineData("exact", "exact", true)]
    [InlineData("exact", "exactly", false)]
    [InlineData("x?z", "xyz", true)]
    [InlineData("*c?d*", "abcxd", true)]
    public void Matches_whole_strings_with_star_and_question_mark(string pattern, string text, bool expected) =>
        Assert.Equal(expected, Glob.IsMatch(pattern, text));

    [Fact]
    public void Agrees_with_an_anchored_regular_expression_on_random_patterns()
    {
        var alphabet = Gen.Char["ab*?"];
        Gen.Select(Gen.String[alphabet, 0, 8], Gen.String[Gen.Char["abc"], 0, 12]).Sample((pattern, text) =>
        {
            var regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$";
            return Glob.IsMatch(pattern, text) == Regex.IsMatch(text, regex, RegexOptions.Singleline);
        }, iter: 5000);
    }
}
