using FhirEf.Core.Abstractions;
using FhirEf.Core.Search.Syntax;
using Microsoft.Extensions.DependencyInjection;

namespace FhirEf.EntityFramework.Tests.Schema;

/// <summary>
/// The indexes the schema declares are the ones PostgreSQL picks for the SQL the search service
/// generates, on tables of realistic size (<see cref="ExplainFixture"/>: 20,000 rows each, analysed):
/// trigram GIN for <c>:contains</c>, GIN for tokens and compartments, and never a sequential scan of
/// the searched table. The exact results prove the recorded SQL is the search that ran.
/// </summary>
public sealed class ExplainTests(ExplainFixture data) : IClassFixture<ExplainFixture>
{
    [Fact]
    public async Task The_tables_hold_at_least_twenty_thousand_rows()
    {
        Assert.True(await data.CountAsync("Patient") >= 20_000);
        Assert.True(await data.CountAsync("Observation") >= 20_000);
    }

    [Fact]
    public async Task String_contains_search_uses_the_trigram_index()
    {
        var plans = await SearchAndExplainAsync(new SearchRequest("Patient", Query("family:contains=XWVU")), [data.TargetPatientId]);

        AssertUses(plans, "Patient", "Patient_family_trgm_idx");
    }

    [Fact]
    public async Task Token_search_uses_the_GIN_index_of_the_token_column()
    {
        var plans = await SearchAndExplainAsync(
            new SearchRequest("Patient", Query($"identifier=http://hospital.org/mrn|{ExplainFixture.TargetMrn}")), [data.TargetPatientId]);

        AssertUses(plans, "Patient", "Patient_identifier_idx");
    }

    [Fact]
    public async Task Compartment_search_uses_the_GIN_index_of_compartments()
    {
        var plans = await SearchAndExplainAsync(
            new SearchRequest("Observation", []) { CompartmentType = "Patient", CompartmentId = data.TargetPatientId },
            data.TargetObservationIds);

        AssertUses(plans, "Observation", "Observation_compartments_idx");
    }

    private static IReadOnlyList<KeyValuePair<string, string>> Query(string query) => SearchQueryParser.ParseQueryString(query);

    /// <summary>Runs the search, checks its matches, and EXPLAINs every query it sent.</summary>
    private async Task<IReadOnlyList<IReadOnlyList<PlanNode>>> SearchAndExplainAsync(SearchRequest request, IReadOnlyList<string> expectedIds)
    {
        data.Recorder.Clear();
        await using (var scope = data.Host.CreateScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<IFhirSearchService>().SearchAsync(request, default);
            Assert.Equal(expectedIds.Order(), result.Entries.Where(e => e.Mode == SearchEntryMode.Match).Select(e => e.Resource.Id).Order());
        }

        var commands = data.Recorder.Commands;
        Assert.NotEmpty(commands);
        var plans = new List<IReadOnlyList<PlanNode>>();
        foreach (var command in commands)
        {
            plans.Add(await data.ExplainAsync(command));
        }

        return plans;
    }

    private static void AssertUses(IReadOnlyList<IReadOnlyList<PlanNode>> plans, string table, string index)
    {
        var nodes = plans.SelectMany(p => p).ToList();
        var described = string.Join("; ", nodes);
        Assert.True(nodes.Any(n => n.Index == index && n.NodeType is "Bitmap Index Scan" or "Index Scan"), $"{index} is not in the plan: {described}");
        Assert.DoesNotContain(nodes, n => n.NodeType == "Seq Scan" && n.Relation == table);
    }
}
