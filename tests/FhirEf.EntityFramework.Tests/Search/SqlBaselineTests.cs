using FhirEf.Core.Abstractions;
using FhirEf.Core.Search.Syntax;
using FhirEf.EntityFramework.Search;
using Microsoft.Extensions.DependencyInjection;

namespace FhirEf.EntityFramework.Tests.Search;

/// <summary>
/// One search per translator feature: its exact result and its SQL against a stored baseline
/// (<see cref="SqlBaseline"/>), so a change in the generated SQL shows up in review. Search values appear
/// only in the parameter list, never in the statement.
/// </summary>
public sealed class SqlBaselineTests(SearchFixture data) : IClassFixture<SearchFixture>
{
    [Theory]
    [InlineData("string-starts-with", "Patient", "name=smith", "a,b,c")]
    [InlineData("string-exact", "Patient", "family:exact=Smith", "a")]
    [InlineData("string-contains", "Patient", "name:contains=ther", "c")]
    [InlineData("string-or", "Patient", "name=jones,who", "d")]
    [InlineData("token-code", "Patient", "gender=male", "a")]
    [InlineData("token-system-code", "Patient", "identifier=http://hospital.org/mrn|222", "b")]
    [InlineData("token-system-only", "Patient", "identifier=http://hospital.org/mrn|", "a,b")]
    [InlineData("token-or", "Observation", "code=8867-4,8480-6", "o1,o2")]
    [InlineData("token-not", "Patient", "gender:not=female", "a,d")]
    [InlineData("token-text", "Observation", "code:text=heart", "o1")]
    [InlineData("token-of-type", "Patient", "identifier:of-type=http://terminology.hl7.org/CodeSystem/v2-0203|MR|111", "a")]
    [InlineData("token-in", "Condition", "code:in=http://example.org/vs/pets", "c-cat,c-dog,c-parrot")]
    [InlineData("token-not-in", "Condition", "code:not-in=http://example.org/vs/pets", "c-fish,c-lizard,c-mammal,c-none,c-other")]
    [InlineData("token-below", "Condition", "code:below=http://example.org/cs/animals|mammal", "c-cat,c-dog,c-mammal")]
    [InlineData("token-above", "Condition", "code:above=http://example.org/cs/animals|dog", "c-dog,c-mammal")]
    [InlineData("date-eq", "Patient", "birthdate=1980-05", "a,b")]
    [InlineData("date-ne", "Patient", "birthdate=ne1980", "c")]
    [InlineData("date-gt", "Observation", "date=gt2020-01-02", "o2,o3")]
    [InlineData("date-ge", "Patient", "birthdate=ge1980-05-12", "a,b")]
    [InlineData("date-lt", "Patient", "birthdate=lt1980-05", "c")]
    [InlineData("date-le", "Patient", "birthdate=le1980-05", "a,b,c")]
    [InlineData("date-sa", "Observation", "date=sa2020-12", "o3")]
    [InlineData("date-eb", "Observation", "date=eb2020-06", "o1,o2")]
    [InlineData("date-time-zone", "Patient", "death-date=2015-02-03T10:00:00%2B02:00", "c")]
    [InlineData("last-updated", "Patient", "_lastUpdated=gt2000&_id=a", "a")]
    [InlineData("number-eq", "RiskAssessment", "probability=0.8", "r1")]
    [InlineData("number-gt", "RiskAssessment", "probability=gt0.5", "r1")]
    [InlineData("quantity-units", "Observation", "value-quantity=80|http://unitsofmeasure.org|/min", "o1")]
    [InlineData("quantity-code-only", "Observation", "value-quantity=120.5||mm[Hg]", "o2")]
    [InlineData("reference-type-id", "Observation", "subject=Patient/a", "o1,o4")]
    [InlineData("reference-id", "Observation", "subject=a", "o1,o4")]
    [InlineData("reference-canonical-version", "QuestionnaireResponse", "questionnaire=http://example.org/Questionnaire/intake|1.0", "qr1")]
    [InlineData("uri-exact", "ValueSet", "url=http://example.org/fhir/ValueSet/colors", "vs1")]
    [InlineData("uri-below", "ValueSet", "url:below=http://example.org/fhir/ValueSet/colors", "vs1,vs2")]
    [InlineData("uri-above", "ValueSet", "url:above=http://example.org/fhir/ValueSet/colors/light/extra", "vs1,vs2")]
    [InlineData("composite", "Observation", "code-value-quantity=8867-4$80", "o1")]
    [InlineData("composite-component", "Observation", "component-code-value-quantity=8480-6$gt130", "o3")]
    [InlineData("missing-true", "Patient", "birthdate:missing=true", "d")]
    [InlineData("missing-false", "Observation", "value-quantity:missing=false", "o1,o2")]
    [InlineData("chain", "Observation", "subject:Patient.organization.name=acme", "o1,o4")]
    [InlineData("chain-depth-four", "Observation", "subject:Patient.organization.partof.partof.name=acme", "o1,o4")]
    [InlineData("has", "Patient", "_has:Observation:patient:code=8867-4", "a")]
    [InlineData("has-nested", "Patient", "_has:Observation:subject:_has:DiagnosticReport:result:status=final", "a")]
    [InlineData("text", "Patient", "_text=gardener", "a")]
    [InlineData("content", "Patient", "_content=boston", "a")]
    [InlineData("tag", "Patient", "_tag=urn:test|vip", "a")]
    [InlineData("profile", "Patient", "_profile=http://example.org/StructureDefinition/patient-a", "a")]
    [InlineData("source", "Patient", "_source=urn:source:a", "a")]
    [InlineData("id", "Patient", "_id=a,c", "a,c")]
    [InlineData("sort-multi-key", "Patient", "_sort=gender,-birthdate", "b,c,a,d")]
    [InlineData("offset", "Patient", "_count=2&_offset=1", "b,c")]
    [InlineData("count", "Patient", "_count=3", "a,b,c")]
    public async Task Translator_feature_sql_matches_its_baseline(string name, string type, string query, string expected)
    {
        Assert.Equal(expected, await data.IdsAsync(type, query));
        await using var scope = data.Host.CreateScope();
        var search = (FhirSearchService)scope.ServiceProvider.GetRequiredService<IFhirSearchService>();
        var sql = await search.PageSqlAsync(new SearchRequest(type, SearchQueryParser.ParseQueryString(query)), default);
        SqlBaseline.AssertMatches(name, sql.Replace(data.Host.ProjectId, "<tenant>", StringComparison.Ordinal));
    }
}
