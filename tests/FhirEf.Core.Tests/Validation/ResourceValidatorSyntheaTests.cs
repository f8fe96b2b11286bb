using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;
using static FhirEf.Core.Tests.Validation.ValidatorHarness;

namespace FhirEf.Core.Tests.Validation;

/// <summary>Synthea data (tests/data/synthea, tests/data/synthea-ndjson) validates with no issues at all.</summary>
public sealed class ResourceValidatorSyntheaTests(ITestOutputHelper output)
{
    public static TheoryData<string> Bundles() => [.. Files("synthea", "*.json")];

    public static TheoryData<string> NdjsonFiles() => [.. Files("synthea-ndjson", "*.ndjson")];

    [Theory]
    [MemberData(nameof(Bundles))]
    public void A_Synthea_transaction_bundle_has_no_issues(string file)
    {
        var result = Validator.Validate(File.ReadAllBytes(TestData.PathOf(Path.Combine("synthea", file))));

        Assert.Equal("Bundle", result.ResourceType);
        Assert.Empty(result.Issues);
    }

    [Theory]
    [MemberData(nameof(NdjsonFiles))]
    public void Every_resource_of_a_Synthea_NDJSON_file_has_no_issues(string file)
    {
        var lines = File.ReadAllLines(TestData.PathOf(Path.Combine("synthea-ndjson", file))).Where(line => line.Length > 0).ToList();
        var issues = lines
            .SelectMany((line, index) => Validator.Validate(Encoding.UTF8.GetBytes(line)).Issues.Select(issue => $"line {index + 1}: {issue}"))
            .ToList();

        output.WriteLine($"{file}: {lines.Count} resources");
        Assert.NotEmpty(lines);
        Assert.Empty(issues);
    }

    /// <summary>Prints a throughput figure for docs/validation.md; timings are never asserted.</summary>
    [Fact]
    public void Validation_throughput_on_the_Synthea_bundles_is_reported()
    {
        var bundles = Files("synthea", "*.json").Select(file => File.ReadAllBytes(TestData.PathOf(Path.Combine("synthea", file)))).ToList();
        var resources = bundles.Sum(bundle => 1 + JsonDocument.Parse(bundle).RootElement.GetProperty("entry").GetArrayLength());
        var megabytes = bundles.Sum(bundle => bundle.Length) / 1e6;
        const int Rounds = 5;

        Validator.Validate(bundles[0]);
        var stopwatch = Stopwatch.StartNew();
        var valid = 0;
        for (var round = 0; round < Rounds; round++)
        {
            valid += bundles.Count(bundle => Validator.Validate(bundle).IsValid);
        }

        stopwatch.Stop();
        var seconds = stopwatch.Elapsed.TotalSeconds;
        output.WriteLine($"{Rounds} × {bundles.Count} bundles ({resources} resources, {megabytes:0.00} MB): {Rounds * resources / seconds:0} resources/s, {Rounds * megabytes / seconds:0.0} MB/s");
        Assert.Equal(Rounds * bundles.Count, valid);
    }

    private static IEnumerable<string> Files(string folder, string pattern) =>
        Directory.GetFiles(TestData.PathOf(folder), pattern).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;
}
