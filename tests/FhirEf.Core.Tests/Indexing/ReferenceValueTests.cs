using FhirEf.Core.Indexing;
using static FhirEf.Core.Tests.Indexing.IndexerHarness;

namespace FhirEf.Core.Tests.Indexing;

/// <summary>reference parameters (R4 search §3.1.1.4.12–13, references.html): literal, versioned, absolute, contained, logical and canonical references.</summary>
public sealed class ReferenceValueTests
{
    [Theory]
    [InlineData("{'reference': 'Patient/123'}", "Patient/123")]
    [InlineData("{'reference': 'Patient/123/_history/2'}", "Patient/123 version=2")]
    // under this server's base URL: the same literal reference
    [InlineData("{'reference': 'https://fhir.example.org/r4/Patient/123'}", "Patient/123")]
    [InlineData("{'reference': 'https://fhir.example.org/r4/Patient/123/_history/7'}", "Patient/123 version=7")]
    // elsewhere: the URL
    [InlineData("{'reference': 'http://other.example.org/fhir/Patient/123'}", "url=http://other.example.org/fhir/Patient/123")]
    [InlineData("{'reference': 'urn:uuid:2d6b1e4c-5f86-4a7a-9d1e-1a2b3c4d5e6f'}", "url=urn:uuid:2d6b1e4c-5f86-4a7a-9d1e-1a2b3c4d5e6f")]
    // logical references by identifier, with the type when no literal reference says it
    [InlineData("{'identifier': {'system': 'http://hospital.example.org/mrn', 'value': 'A-7'}, 'type': 'Patient', 'display': 'Eve'}", "type=Patient identifier=http://hospital.example.org/mrn|A-7")]
    [InlineData("{'reference': 'Patient/123', 'identifier': {'value': 'A-7'}}", "Patient/123 identifier=|A-7")]
    // a conditional reference by identifier (Synthea's bulk data) stands for the logical reference
    [InlineData("{'reference': 'Patient?identifier=http://hospital.example.org/mrn%7CA-7'}", "type=Patient identifier=http://hospital.example.org/mrn|A-7")]
    public void A_subject_reference_gives_its_parts(string subject, string expected)
    {
        var indexed = Index($"{{'resourceType': 'Observation', 'id': 'o', 'status': 'final', 'code': {{'text': 'x'}}, 'subject': {subject}}}");

        Assert.Equal(expected, indexed.Describe("subject"));
    }

    [Fact]
    public void A_contained_reference_names_the_contained_resource_and_resolves_for_the_patient_parameter()
    {
        var indexed = Index("""
            {'resourceType': 'Observation', 'id': 'o', 'status': 'final', 'code': {'text': 'x'},
             'contained': [{'resourceType': 'Patient', 'id': 'p1', 'gender': 'male'}],
             'subject': {'reference': '#p1'}}
            """);

        Assert.Equal("#p1", indexed.Describe("subject"));
        Assert.Equal("#p1", indexed.Describe("patient"));
    }

    [Theory]
    // patient is Observation.subject.where(resolve() is Patient): references to other types are left out
    [InlineData("Patient/123", "Patient/123")]
    [InlineData("Group/g1", "")]
    [InlineData("https://fhir.example.org/r4/Patient/123", "Patient/123")]
    public void The_patient_parameter_keeps_references_to_patients(string reference, string expected)
    {
        var indexed = Index($"{{'resourceType': 'Observation', 'id': 'o', 'status': 'final', 'code': {{'text': 'x'}}, 'subject': {{'reference': '{reference}'}}}}");

        Assert.Equal(expected, indexed.Describe("patient"));
    }

    [Theory]
    [InlineData("http://hl7.org/fhir/Questionnaire/phq-9|2.1", "url=http://hl7.org/fhir/Questionnaire/phq-9 version=2.1")]
    [InlineData("http://hl7.org/fhir/Questionnaire/phq-9", "url=http://hl7.org/fhir/Questionnaire/phq-9")]
    public void A_canonical_gives_its_url_and_version(string canonical, string expected)
    {
        var indexed = Index($"{{'resourceType': 'QuestionnaireResponse', 'id': 'q', 'status': 'completed', 'questionnaire': '{canonical}'}}");

        Assert.Equal(expected, indexed.Describe("questionnaire"));
    }

    [Fact]
    public void A_nested_resource_is_referenced_by_its_type_and_id()
    {
        var indexed = Index("""
            {'resourceType': 'Bundle', 'id': 'b', 'type': 'document',
             'entry': [{'fullUrl': 'urn:uuid:0c3151bd-1cbf-4d64-b04d-cd9187a4c6e0', 'resource': {'resourceType': 'Composition', 'id': 'c1', 'status': 'final', 'type': {'text': 'x'}, 'date': '2024', 'author': [{'display': 'x'}], 'title': 'x'}}]}
            """);

        Assert.Equal("Composition/c1", indexed.Describe("composition"));
    }

    [Theory]
    [InlineData("Patient/")]
    [InlineData("Patient/a b")]
    [InlineData("Unicorn/123")]
    [InlineData("Patient/123/_history/")]
    [InlineData("Patient?name=eve")]
    public void A_reference_that_names_nothing_searchable_is_skipped_with_a_warning(string reference)
    {
        var diagnostics = new List<IndexingDiagnostic>();

        var indexed = IndexWithDiagnostics($"{{'resourceType': 'Observation', 'id': 'o', 'status': 'final', 'code': {{'text': 'x'}}, 'subject': {{'reference': '{reference}'}}}}", diagnostics);

        Assert.Empty(indexed.ValuesOf("subject"));
        Assert.Contains(diagnostics, d => d is { Severity: IndexingDiagnosticSeverity.Warning, Parameter: "subject" });
        Assert.DoesNotContain(diagnostics, d => d.Severity == IndexingDiagnosticSeverity.Error);
    }
}
