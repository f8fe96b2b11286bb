namespace FhirEf.EntityFramework.Tests.Search;

/// <summary>reference (R4 search §3.1.1.4.12): <c>id</c>, <c>Type/id</c>, <c>:[type]</c>, canonical with version; uri (§3.1.1.4.9) and composite (§3.1.1.4.13).</summary>
public sealed class ReferenceSearchTests(SearchFixture data) : IClassFixture<SearchFixture>
{
    [Theory]
    [InlineData("subject=Patient/a", "o1,o4")]
    [InlineData("subject=a", "o1,o4")]
    [InlineData("subject:Patient=a", "o1,o4")]
    [InlineData("subject:Group=a", "")]
    [InlineData("subject=Patient/zzz", "")]
    [InlineData("patient=b", "o2")]
    [InlineData("subject=Patient/a,Patient/c", "o1,o3,o4")]
    [InlineData("performer=Practitioner/pr1", "o1")]
    [InlineData("performer=pr1", "o1")]
    [InlineData("encounter=e1", "o4")]
    [InlineData("encounter=Encounter/e1&subject=a", "o4")]
    public async Task Observation_references(string query, string expected) => Assert.Equal(expected, await data.IdsAsync("Observation", query));

    [Theory]
    [InlineData("organization=Organization/org2", "b")]
    [InlineData("organization=org1,org2", "a,b")]
    [InlineData("general-practitioner=pr1", "a")]
    [InlineData("general-practitioner:Practitioner=pr1", "a")]
    [InlineData("link=Patient/a", "d")]
    public async Task Patient_references(string query, string expected) => Assert.Equal(expected, await data.IdsAsync("Patient", query));

    [Theory]
    [InlineData("questionnaire=http://example.org/Questionnaire/intake|1.0", "qr1")]
    [InlineData("questionnaire=http://example.org/Questionnaire/intake|2.0", "qr2")]
    [InlineData("questionnaire=http://example.org/Questionnaire/intake|3.0", "")]
    [InlineData("questionnaire=http://example.org/Questionnaire/other", "qr3")]
    [InlineData("questionnaire=http://example.org/Questionnaire/intake|1.0,http://example.org/Questionnaire/other", "qr1,qr3")]
    public async Task Canonical_with_version(string query, string expected) => Assert.Equal(expected, await data.IdsAsync("QuestionnaireResponse", query));

    [Theory]
    [InlineData("url=http://example.org/fhir/ValueSet/colors", "vs1")]
    [InlineData("url:below=http://example.org/fhir/ValueSet/colors", "vs1,vs2")]
    [InlineData("url:below=http://example.org/fhir/ValueSet/colors/", "vs2")]
    [InlineData("url:above=http://example.org/fhir/ValueSet/colors/light/extra", "vs1,vs2")]
    [InlineData("url:above=http://example.org/fhir/ValueSet/colors", "vs1")]
    [InlineData("url=http://example.org/fhir/ValueSet", "")]
    [InlineData("url=http://example.org/fhir/ValueSet/colors&version=1.0", "vs1")]
    [InlineData("url:below=http://example.org/fhir/ValueSet/colors&version=1.0", "vs1")]
    public async Task Uri(string query, string expected) => Assert.Equal(expected, await data.IdsAsync("ValueSet", query));

    [Theory]
    [InlineData("code-value-quantity=8867-4$80", "o1")]
    [InlineData("code-value-quantity=http://loinc.org|8867-4$80", "o1")]
    [InlineData("code-value-quantity=8867-4$gt90", "")]
    [InlineData("code-value-quantity=8867-4$80,8480-6$gt100", "o1,o2")]
    [InlineData("code-value-quantity=8480-6$120.5|http://unitsofmeasure.org|mm[Hg]", "o2")]
    [InlineData("component-code-value-quantity=8480-6$gt130", "o3")]
    [InlineData("component-code-value-quantity=8462-4$gt130", "")]
    [InlineData("component-code-value-quantity=8462-4$lt100", "o3")]
    [InlineData("code-value-date=8867-4$2020", "")]
    [InlineData("code-value-string=85354-9$pos", "")]
    public async Task Composite(string query, string expected) => Assert.Equal(expected, await data.IdsAsync("Observation", query));
}
