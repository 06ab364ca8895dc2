using System.Text;
using CloudIam.Placement;
using CloudIam.Pulumi.Inference;
using CloudIam.Pulumi.Preview;
using CloudIam.Pulumi.State;
using CsCheck;

namespace CloudIam.Pulumi.Tests;

public sealed class BadInputTests
{
    [Theory]
    [InlineData("bad/truncated.json", "line 1316, byte 26 at $.deployment.resources[32].inputs.vpcConfig", "invalid JSON")]
    [InlineData("bad/empty.json", "line 1, byte 1", "the file is empty")]
    [InlineData("bad/not-json.json", "line 1, byte 1", "invalid JSON")]
    [InlineData("bad/wrong-version.json", "$.version", "unsupported state version 2")]
    [InlineData("bad/missing-urn.json", "$.deployment.resources[2].urn", "the resource has no 'urn'")]
    public void Names_the_file_and_the_spot_of_each_malformed_export(string fixture, string location, string problem)
    {
        var path = Fixtures.PathOf(fixture);

        var error = Assert.Throws<BadInputException>(() => StackExportReader.Read(path));

        Assert.Equal(path, error.Source);
        Assert.Equal(location, error.Location);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"{path}:{location}: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad/truncated.json")]
    [InlineData("bad/empty.json")]
    [InlineData("bad/not-json.json")]
    public void Refuses_a_malformed_preview_the_same_way(string fixture)
    {
        var path = Fixtures.PathOf(fixture);

        var error = Assert.Throws<BadInputException>(() => PreviewReader.Read(path));

        Assert.Equal(path, error.Source);
        Assert.StartsWith("line ", error.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_a_missing_file()
    {
        var path = Fixtures.PathOf("exports/no-such-stack.json");

        var error = Assert.Throws<BadInputException>(() => StackExportReader.Read(path));

        Assert.Equal(path, error.Source);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"urn": "urn:pulumi:s::p::t:m:T::x", "type": "t:m:T", "custom": "yes"}""", "$.deployment.resources[0].custom", "expected true or false, found a string")]
    [InlineData("""{"urn": "not-a-urn", "type": "t:m:T"}""", "$.deployment.resources[0].urn", "is not a Pulumi URN")]
    [InlineData("""{"urn": "urn:pulumi:s::p::t:m:T::x"}""", "$.deployment.resources[0].type", "the resource has no 'type'")]
    [InlineData("""{"urn": "urn:pulumi:s::p::t:m:T::x", "type": "t:m:T", "provider": "aws"}""", "$.deployment.resources[0].provider", "is not a provider reference")]
    [InlineData("""{"urn": "urn:pulumi:s::p::t:m:T::x", "type": "t:m:T", "dependencies": ["urn:pulumi:s::p::t:m:T::y", 7]}""", "$.deployment.resources[0].dependencies[1]", "expected a URN string, found a number")]
    [InlineData("""{"urn": "urn:pulumi:s::p::t:m:T::x", "type": "t:m:T", "inputs": {"tags": {"cloudiam.io/capability": 1e999}}}""", "line 1, byte 145 at $.deployment.resources[0].inputs.tags[\"cloudiam.io/capability\"]", "number out of range")]
    [InlineData("""{"urn": "urn:pulumi:s::p::t:m:T::x", "type": "t:m:T", "sourcePosition": tru}""", "line 1, byte 120 at $.deployment.resources[0].sourcePosition", "invalid JSON")]
    [InlineData("""{"urn": "urn:pulumi:s::p::t:m:T::x", "type": "t:m:T", "inputs": []}""", "$.deployment.resources[0].inputs", "expected an object of properties, found a list")]
    public void Names_the_json_path_of_a_bad_value(string resource, string location, string problem)
    {
        var error = Assert.Throws<BadInputException>(() => StackExportReader.Parse(Fixtures.Export(resource), "state.json"));

        Assert.Equal(location, error.Location);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_the_line_of_text_that_is_not_utf8()
    {
        var json = Fixtures.Export("""{"urn": "urn:pulumi:s::p::t:m:T::x", "type": "t:m:T", "inputs": {"region": "fr-p?r"}}""");
        json[Array.IndexOf(json, (byte)'?')] = 0xFF;

        var error = Assert.Throws<BadInputException>(() => StackExportReader.Parse(json, "state.json"));

        Assert.Equal("line 1, byte 120 at $.deployment.resources[0].inputs.region", error.Location);
        Assert.Contains("not valid UTF-8", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Fixtures.Healthy)]
    [InlineData(Fixtures.HealthyPreview)]
    public void Damaged_input_gives_a_graph_or_a_bad_input_error_and_nothing_else(string fixture)
    {
        var original = Fixtures.Bytes(fixture);
        var cut = Gen.Int[0, original.Length].Select(length => original[..length]);
        var flipped = Gen.Select(Gen.Int[0, original.Length - 1], Gen.Byte).Array[1, 6].Select(flips =>
        {
            var copy = original.ToArray();
            foreach (var (position, value) in flips)
            {
                copy[position] = value;
            }

            return copy;
        });

        Gen.OneOf(cut, flipped).Sample(
            damaged =>
            {
                try
                {
                    var graph = fixture == Fixtures.HealthyPreview
                        ? PreviewReader.Parse(damaged, fixture, ["values"])
                        : StackExportReader.Parse(damaged, fixture, ["values"]);
                    PlacementInference.Infer(graph);
                }
                catch (BadInputException error)
                {
                    Assert.Equal(fixture, error.Source);
                    Assert.NotEmpty(error.Location);
                }
            },
            iter: 3000,
            print: damaged => Encoding.UTF8.GetString(damaged));
    }
}
