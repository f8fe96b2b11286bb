using FhirEf.Core.Abstractions;
using FhirEf.Core.Errors;

namespace FhirEf.EntityFramework.Tests.Search;

/// <summary>
/// <c>_text</c>, <c>_content</c> (PostgreSQL full-text), <c>_profile</c>, <c>_source</c>, <c>_elements</c>,
/// <c>_type</c> for system search, compartment search and Patient <c>$everything</c> with paging.
/// </summary>
public sealed class SpecialParameterSearchTests(SearchFixture data) : IClassFixture<SearchFixture>
{
    [Theory]
    [InlineData("_text=gardener", "a")]
    [InlineData("_text=keen gardener", "a")]
    [InlineData("_text=baker", "")]
    [InlineData("_content=boston", "a")]
    [InlineData("_content=maggie", "c")]
    [InlineData("_content=smithers", "c")]
    [InlineData("_content=jones", "d")]
    [InlineData("_content=zebra", "")]
    [InlineData("_profile=http://example.org/StructureDefinition/patient-a", "a")]
    [InlineData("_profile=http://example.org/StructureDefinition/other", "")]
    [InlineData("_source=urn:source:a", "a")]
    [InlineData("_source=urn:source:b", "")]
    public async Task Full_text_and_meta_parameters(string query, string expected) => Assert.Equal(expected, await data.IdsAsync("Patient", query));

    [Theory]
    [InlineData("_type=Patient&gender=male", "Patient/a")]
    [InlineData("_type=Patient,Practitioner&gender=male", "Patient/a,Practitioner/pr1")]
    [InlineData("_type=Practitioner,Organization&name=acme", "Organization/org1")]
    [InlineData("_type=Patient,Practitioner&_id=a,pr1", "Patient/a,Practitioner/pr1")]
    [InlineData("_type=RiskAssessment,Observation&subject=Patient/b", "Observation/o2,RiskAssessment/r2")]
    public async Task System_search_with_type(string query, string expected) =>
        Assert.Equal(expected, SearchFixture.TypedIds(await data.SearchAsync(null, query)));

    [Fact]
    public async Task System_search_with_an_unknown_type_is_a_400() =>
        await Assert.ThrowsAsync<InvalidSearchException>(() => data.SearchAsync(null, "_type=Nonsense"));

    [Theory]
    [InlineData("a", "Observation", "", "Observation/o1,Observation/o4")]
    [InlineData("b", "Observation", "code=8480-6", "Observation/o2")]
    [InlineData("b", "Observation", "code=8867-4", "")]
    [InlineData("a", "Condition", "", "Condition/c-dog")]
    [InlineData("a", "Encounter", "", "Encounter/e1")]
    [InlineData("zzz", "Observation", "", "")]
    [InlineData("b", "QuestionnaireResponse", "", "QuestionnaireResponse/qr1,QuestionnaireResponse/qr2")]
    public async Task Compartment_search(string patient, string type, string query, string expected)
    {
        var request = new SearchRequest(type, Core.Search.Syntax.SearchQueryParser.ParseQueryString(query)) { CompartmentType = "Patient", CompartmentId = patient };
        Assert.Equal(expected, SearchFixture.TypedIds(await data.SearchAsync(request)));
    }

    [Fact]
    public async Task Compartment_search_of_every_type()
    {
        var request = new SearchRequest(null, Core.Search.Syntax.SearchQueryParser.ParseQueryString("_count=100")) { CompartmentType = "Patient", CompartmentId = "b" };
        var types = SearchFixture.TypedIds(await data.SearchAsync(request)).Split(',').Order(StringComparer.Ordinal);
        Assert.Equal(
            "Condition/c-cat,Condition/c-mammal,Observation/o2,Patient/b,QuestionnaireResponse/qr1,QuestionnaireResponse/qr2,RiskAssessment/r2",
            string.Join(",", types));
    }

    [Theory]
    [InlineData("_elements=id,gender", "id,gender")]
    [InlineData("_summary=true", null)]
    public async Task Elements_and_summary_reach_the_result(string query, string? elements)
    {
        var result = await data.SearchAsync("Patient", query);
        Assert.Equal(elements, result.Elements is null ? null : string.Join(",", result.Elements));
        Assert.Equal("a,b,c,d", string.Join(",", result.Entries.Select(e => e.Resource.Id)));
    }

    [Fact]
    public async Task Everything_returns_the_patient_its_compartment_and_what_they_reference()
    {
        var result = await data.EverythingAsync("a", "_count=100");
        var all = result.Entries.Select(e => e.Resource.ResourceType + "/" + e.Resource.Id).Order(StringComparer.Ordinal);
        Assert.Equal(
            "Condition/c-dog,DiagnosticReport/dr1,Encounter/e1,Observation/o1,Observation/o4,Organization/org1,Patient/a,Practitioner/pr1,RiskAssessment/r1",
            string.Join(",", all));
    }

    [Fact]
    public async Task Everything_pages_cover_every_match_once()
    {
        var whole = (await data.EverythingAsync("a", "_count=100")).Entries.Where(e => e.Mode == SearchEntryMode.Match).Select(e => e.Resource.ResourceType + "/" + e.Resource.Id).ToList();
        var seen = new List<string>();
        var page = await data.EverythingAsync("a", "_count=2");
        for (var guard = 0; guard < 20; guard++)
        {
            seen.AddRange(page.Entries.Where(e => e.Mode == SearchEntryMode.Match).Select(e => e.Resource.ResourceType + "/" + e.Resource.Id));
            if (page.NextPage is null)
            {
                break;
            }

            page = await data.EverythingAsync("a", string.Join("&", page.NextPage.Where(p => p.Key is "_count" or "_cursor").Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value))));
        }

        Assert.Equal(whole, seen);
    }

    [Theory]
    [InlineData("_type=Observation", "Observation/o1,Observation/o4")]
    [InlineData("_type=Patient,Encounter", "Encounter/e1,Patient/a")]
    [InlineData("_type=Observation&_since=2000-01-01T00:00:00Z", "Observation/o1,Observation/o4")]
    [InlineData("_type=Observation&_since=2999-01-01T00:00:00Z", "")]
    public async Task Everything_with_type_and_since(string query, string expected)
    {
        var result = await data.EverythingAsync("a", query);
        Assert.Equal(expected, string.Join(",", result.Entries.Where(e => e.Mode == SearchEntryMode.Match).Select(e => e.Resource.ResourceType + "/" + e.Resource.Id).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Everything_of_an_unknown_patient_is_not_found() =>
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => data.EverythingAsync("zzz", ""));
}
