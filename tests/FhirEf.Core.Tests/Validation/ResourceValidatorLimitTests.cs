using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FhirEf.Core.Definitions;
using FhirEf.Core.Errors;
using FhirEf.Core.Validation;
using Xunit.Abstractions;
using static FhirEf.Core.Tests.Validation.ValidatorHarness;

namespace FhirEf.Core.Tests.Validation;

/// <summary>Bad input never throws: malformed JSON, deep nesting, oversized input and invalid UTF-8 become fatal issues.</summary>
public sealed class ResourceValidatorLimitTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("{'resourceType':'Patient',}", 1, 27)]
    [InlineData("{'resourceType':'Patient'", 1, 26)]
    [InlineData("{\n  'resourceType': 'Patient',\n  'gender': male\n}", 3, 13)]
    [InlineData("{'resourceType':'Patient'} {}", 1, 28)]
    [InlineData("{'resourceType':'Patient', /* comment */ 'gender':'male'}", 1, 28)]
    [InlineData("", 1, 1)]
    [InlineData("hello", 1, 1)]
    public void Malformed_JSON_is_one_fatal_issue_with_its_line_and_byte_position(string json, long line, long position)
    {
        var issue = Assert.Single(Validate(json).Issues);

        Assert.Equal(IssueSeverity.Fatal, issue.Severity);
        Assert.Equal(IssueType.Structure, issue.Code);
        Assert.Equal((line, position), (issue.Line, issue.BytePositionInLine));
        Assert.StartsWith($"malformed JSON at line {line}, byte {position}: ", issue.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(7, true)]
    [InlineData(8, true)]
    [InlineData(9, false)]
    [InlineData(10, false)]
    public void Nesting_is_allowed_up_to_the_configured_depth(int depth, bool allowed)
    {
        var validator = new ResourceValidator(FhirDefinitions.R4, new ResourceValidatorOptions { MaxDepth = 8 });
        var json = NestedExtensions(depth);

        var parsed = validator.Validate(Encoding.UTF8.GetBytes(json));
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        var walked = validator.Validate(document.RootElement);

        foreach (var result in new[] { parsed, walked })
        {
            if (allowed)
            {
                Assert.Empty(result.Issues);
            }
            else
            {
                var issue = Assert.Single(result.Issues);
                Assert.Equal((IssueSeverity.Fatal, IssueType.TooCostly), (issue.Severity, issue.Code));
                Assert.StartsWith("the JSON nests deeper than 8 levels", issue.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Two_hundred_levels_of_nesting_are_reported_as_too_deep()
    {
        var issue = Assert.Single(Validator.Validate(Encoding.UTF8.GetBytes(NestedExtensions(200))).Issues);

        Assert.Equal(IssueType.TooCostly, issue.Code);
        Assert.Equal("the JSON nests deeper than 128 levels (line 1, byte 2771)", issue.Message);
    }

    [Fact]
    public void A_resource_over_the_size_limit_is_refused_before_parsing()
    {
        var validator = new ResourceValidator(FhirDefinitions.R4, new ResourceValidatorOptions { MaxResourceBytes = 30 });
        var fits = Encoding.UTF8.GetBytes("{\"resourceType\":\"Patient\"}    ");
        var tooLong = Encoding.UTF8.GetBytes("{\"resourceType\":\"Patient\"}     ");

        Assert.Empty(validator.Validate(fits).Issues);
        var issue = Assert.Single(validator.Validate(tooLong).Issues);
        Assert.Equal((IssueSeverity.Fatal, IssueType.TooLong), (issue.Severity, issue.Code));
        Assert.Equal("the resource is 31 bytes; the limit is 30 bytes", issue.Message);

        using var document = JsonDocument.Parse(tooLong);
        var smaller = new ResourceValidator(FhirDefinitions.R4, new ResourceValidatorOptions { MaxResourceBytes = 25 });
        Assert.Equal("the resource is 26 bytes; the limit is 25 bytes", Assert.Single(smaller.Validate(document.RootElement).Issues).Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void A_depth_limit_outside_1_to_1000_is_refused(int maxDepth) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ResourceValidator(FhirDefinitions.R4, new ResourceValidatorOptions { MaxDepth = maxDepth }));

    [Fact]
    public void The_deepest_allowed_nesting_validates_without_exhausting_the_stack()
    {
        var validator = new ResourceValidator(FhirDefinitions.R4, new ResourceValidatorOptions { MaxDepth = ResourceValidatorOptions.MaxDepthCeiling });

        Assert.Empty(validator.Validate(Encoding.UTF8.GetBytes(NestedExtensions(999))).Issues);
        Assert.Equal(IssueType.TooCostly, Assert.Single(validator.Validate(Encoding.UTF8.GetBytes(NestedExtensions(1001))).Issues).Code);
    }

    [Fact]
    public void The_default_size_limit_is_16_megabytes()
    {
        Assert.Equal(16 * 1024 * 1024, new ResourceValidatorOptions().MaxResourceBytes);
        Assert.Equal(128, new ResourceValidatorOptions().MaxDepth);
    }

    [Fact]
    public void Invalid_UTF8_is_a_fatal_issue_with_its_byte_offset()
    {
        byte[] json = [.. "{\"resourceType\":\"Patient\",\"gender\":\""u8, 0xFF, .. "\"}"u8];

        var issue = Assert.Single(Validator.Validate(json).Issues);

        Assert.Equal((IssueSeverity.Fatal, IssueType.Structure), (issue.Severity, issue.Code));
        Assert.Equal("the JSON is not valid UTF-8 (byte offset 36)", issue.Message);
    }

    [Fact]
    public void A_byte_order_mark_is_allowed() =>
        Assert.Empty(Validator.Validate([0xEF, 0xBB, 0xBF, .. "{\"resourceType\":\"Patient\"}"u8]).Issues);

    [Fact]
    public void An_undefined_element_is_not_a_resource() =>
        Assert.Equal("Resource: a resource must be a JSON object, not nothing", Assert.Single(Validator.Validate(default(JsonElement)).Issues).ToString());

    [Fact]
    public void A_10_megabyte_binary_validates()
    {
        var data = Convert.ToBase64String(new byte[7_500_000]);
        var json = Encoding.UTF8.GetBytes($"{{\"resourceType\":\"Binary\",\"contentType\":\"application/octet-stream\",\"data\":\"{data}\"}}");

        var stopwatch = Stopwatch.StartNew();
        var result = Validator.Validate(json);
        stopwatch.Stop();

        output.WriteLine($"Binary of {json.Length / 1e6:0.0} MB validated in {stopwatch.ElapsedMilliseconds} ms");
        Assert.True(json.Length > 10_000_000);
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void A_10_megabyte_bundle_validates_and_reports_every_planted_error()
    {
        var bundle = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "collection" };
        var entries = new JsonArray();
        var sources = Directory.GetFiles(TestData.PathOf("synthea"), "*.json").Order(StringComparer.Ordinal)
            .SelectMany(file => JsonNode.Parse(File.ReadAllBytes(file))!["entry"]!.AsArray())
            .Select(entry => entry!["resource"]!)
            .ToList();
        var size = 0L;
        for (var i = 0; size < 10_000_000; i++)
        {
            var resource = sources[i % sources.Count].DeepClone();
            size += resource.ToJsonString().Length;
            entries.Add(new JsonObject { ["resource"] = resource });
        }

        entries[1000]!["resource"]!["meta"] = new JsonObject { ["lastUpdated"] = "2019-01-01" };
        entries[^1]!["resource"]!["id"] = "not valid";
        bundle["entry"] = entries;
        var json = Encoding.UTF8.GetBytes(bundle.ToJsonString());

        var stopwatch = Stopwatch.StartNew();
        var result = Validator.Validate(json);
        stopwatch.Stop();

        output.WriteLine($"Bundle of {entries.Count} resources, {json.Length / 1e6:0.0} MB, validated in {stopwatch.ElapsedMilliseconds} ms");
        Assert.Equal(
            [
                "Bundle.entry[1000].resource.meta.lastUpdated: '2019-01-01' is not a valid instant (YYYY-MM-DDThh:mm:ss with a timezone)",
                $"Bundle.entry[{entries.Count - 1}].resource.id: 'not valid' is not a valid id (1 to 64 of A-Z, a-z, 0-9, '-' and '.')",
            ],
            result.Issues.Select(i => i.ToString()));
    }

    /// <summary>
    /// A Patient exactly <paramref name="depth"/> JSON containers deep: the Patient (1), for even depths
    /// a _birthDate object (2), then an array and an object per nested extension.
    /// </summary>
    private static string NestedExtensions(int depth)
    {
        var json = new StringBuilder("{\"resourceType\":\"Patient\"");
        var closing = new StringBuilder("}");
        var levels = 1;
        if (depth % 2 == 0)
        {
            json.Append(",\"_birthDate\":{\"id\":\"b\"");
            closing.Insert(0, '}');
            levels++;
        }

        for (; levels + 2 <= depth; levels += 2)
        {
            json.Append(",\"extension\":[{\"url\":\"http://example.org/x\"");
            closing.Insert(0, "}]");
        }

        return json.Append(closing).ToString();
    }
}
