using FhirEf.Core.Definitions;
using FhirEf.Core.Errors;
using FhirEf.Core.Validation;
using Xunit.Abstractions;
using static FhirEf.Core.Tests.Validation.ValidatorHarness;

namespace FhirEf.Core.Tests.Validation;

/// <summary>The 815 example resources of the R4 specification (tests/data/fhir-r4-examples) validate, except known errata.</summary>
public sealed class ResourceValidatorSpecExampleTests(ITestOutputHelper output)
{
    private const string MissingBase = "SearchParameter.base: base is required (minimum cardinality 1) but missing";
    private const string NoBaseReason = "SearchParameter.base is 1..*; these extension search parameters of the spec leave it out";

    /// <summary>Genuine errors in hl7.fhir.r4.examples 4.0.1: the file, the first issue FhirEf reports, and why the example is wrong.</summary>
    private static readonly (string File, string FirstIssue, string Reason)[] Errata =
    [
        ("Questionnaire-qs1.json", "Questionnaire.item[0].item[0].linkId: linkId is required (minimum cardinality 1) but missing", "Questionnaire.item.linkId is 1..1; 32 of the 87 items of this example (all of type display) have none"),
        ("SearchParameter-codesystem-extensions-CodeSystem-author.json", MissingBase, NoBaseReason),
        ("SearchParameter-codesystem-extensions-CodeSystem-effective.json", MissingBase, NoBaseReason),
        ("SearchParameter-codesystem-extensions-CodeSystem-end.json", MissingBase, NoBaseReason),
        ("SearchParameter-codesystem-extensions-CodeSystem-keyword.json", MissingBase, NoBaseReason),
        ("SearchParameter-codesystem-extensions-CodeSystem-workflow.json", MissingBase, NoBaseReason),
        ("SearchParameter-questionnaireresponse-extensions-QuestionnaireResponse-item-subject.json", "SearchParameter.id: 'questionnaireresponse-extensions-QuestionnaireResponse-item-…' is not a valid id (1 to 64 of A-Z, a-z, 0-9, '-' and '.')", "the id has 67 characters; ids have at most 64"),
        ("SearchParameter-valueset-extensions-ValueSet-author.json", MissingBase, NoBaseReason),
        ("SearchParameter-valueset-extensions-ValueSet-effective.json", MissingBase, NoBaseReason),
        ("SearchParameter-valueset-extensions-ValueSet-end.json", MissingBase, NoBaseReason),
        ("SearchParameter-valueset-extensions-ValueSet-keyword.json", MissingBase, NoBaseReason),
        ("SearchParameter-valueset-extensions-ValueSet-workflow.json", MissingBase, NoBaseReason),
    ];

    [Fact]
    public void Every_spec_example_validates_except_the_known_errata()
    {
        var files = Directory.GetFiles(TestData.PathOf("fhir-r4-examples"), "*.json").Order(StringComparer.Ordinal).ToList();
        var failures = new List<(string File, string FirstIssue)>();
        foreach (var file in files)
        {
            var result = Validator.Validate(File.ReadAllBytes(file));
            if (!result.IsValid)
            {
                failures.Add((Path.GetFileName(file), result.Issues.First(i => i.Severity <= IssueSeverity.Error).ToString()));
            }
        }

        var passed = files.Count - failures.Count;
        output.WriteLine($"{passed} of {files.Count} spec examples validate without errors ({100.0 * passed / files.Count:0.0} %); failing:");
        foreach (var (file, firstIssue) in failures)
        {
            var reason = Errata.FirstOrDefault(e => e.File == file).Reason ?? "NOT A KNOWN ERRATUM";
            output.WriteLine($"  {file}: {firstIssue} [{reason}]");
        }

        Assert.Equal(815, files.Count);
        Assert.True(passed >= 800, $"only {passed} examples validate");
        Assert.Equal(Errata.Select(e => (e.File, e.FirstIssue)), failures);
    }

    [Fact]
    public void Validating_in_parallel_reports_the_same_issues_as_one_at_a_time()
    {
        var files = Directory.GetFiles(TestData.PathOf("fhir-r4-examples"), "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        var validator = new ResourceValidator(FhirDefinitions.R4);

        var parallel = files.AsParallel().AsOrdered().Select(json => Describe(validator.Validate(json))).ToList();
        var sequential = files.Select(json => Describe(Validator.Validate(json))).ToList();

        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void The_only_warnings_are_the_decimals_beyond_what_FhirEf_keeps_exactly()
    {
        var warnings = Directory.GetFiles(TestData.PathOf("fhir-r4-examples"), "*.json").Order(StringComparer.Ordinal)
            .SelectMany(file => Validator.Validate(File.ReadAllBytes(file)).Issues
                .Where(i => i.Severity == IssueSeverity.Warning)
                .Select(i => $"{Path.GetFileName(file)}: {i.Path}"));

        // Observation-decimal.json deliberately shows extreme decimals (R4 sets no limit on digits).
        Assert.Equal(
            [
                "Observation-decimal.json: Observation.component[5].valueQuantity.value",
                "Observation-decimal.json: Observation.component[6].valueQuantity.value",
            ],
            warnings);
    }

    private static string Describe(ValidationResult result) => string.Join(" | ", result.Issues);
}
