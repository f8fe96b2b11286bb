namespace FhirEf.EntityFramework.Tests.Search;

/// <summary><c>:missing</c> (R4 search §3.1.1.5.1) on every parameter type.</summary>
public sealed class MissingSearchTests(SearchFixture data) : IClassFixture<SearchFixture>
{
    [Theory]
    [InlineData("Patient", "family:missing=true", "")]
    [InlineData("Patient", "family:missing=false", "a,b,c,d")]
    [InlineData("Patient", "address-city:missing=true", "c,d")]
    [InlineData("Patient", "gender:missing=false", "a,b,c,d")]
    [InlineData("Patient", "active:missing=true", "d")]
    [InlineData("Patient", "identifier:missing=false", "a,b")]
    [InlineData("Patient", "birthdate:missing=true", "d")]
    [InlineData("Patient", "death-date:missing=false", "c")]
    [InlineData("Patient", "organization:missing=true", "c,d")]
    [InlineData("Patient", "_tag:missing=false", "a")]
    [InlineData("Patient", "_profile:missing=false", "a")]
    [InlineData("Patient", "_source:missing=true", "b,c,d")]
    [InlineData("RiskAssessment", "probability:missing=false", "r1,r2")]
    [InlineData("RiskAssessment", "probability:missing=true", "")]
    [InlineData("Observation", "value-quantity:missing=true", "o3,o4")]
    [InlineData("Observation", "value-quantity:missing=false", "o1,o2")]
    [InlineData("Observation", "date:missing=true", "o4")]
    [InlineData("Observation", "category:missing=true", "o2,o3,o4")]
    [InlineData("Observation", "encounter:missing=false", "o4")]
    [InlineData("Observation", "code-value-quantity:missing=false", "o1,o2")]
    [InlineData("ValueSet", "url:missing=true", "")]
    [InlineData("ValueSet", "version:missing=false&url:below=http://example.org/fhir", "vs1")]
    [InlineData("QuestionnaireResponse", "questionnaire:missing=false", "qr1,qr2,qr3")]
    public async Task Missing(string type, string query, string expected) => Assert.Equal(expected, await data.IdsAsync(type, query));
}
