using FhirEf.Core.Indexing;
using static FhirEf.Core.Tests.Indexing.IndexerHarness;

namespace FhirEf.Core.Tests.Indexing;

/// <summary>date parameters (R4 search §3.1.1.4.7): the inclusive UTC range each value covers.</summary>
public sealed class DateValueTests
{
    [Theory]
    // a partial date covers its whole year, month or day
    [InlineData("'birthDate': '1980'", "1980-01-01T00:00:00.0000000Z..1980-12-31T23:59:59.9999999Z")]
    [InlineData("'birthDate': '1980-05'", "1980-05-01T00:00:00.0000000Z..1980-05-31T23:59:59.9999999Z")]
    [InlineData("'birthDate': '1980-02'", "1980-02-01T00:00:00.0000000Z..1980-02-29T23:59:59.9999999Z")]
    [InlineData("'birthDate': '1980-05-12'", "1980-05-12T00:00:00.0000000Z..1980-05-12T23:59:59.9999999Z")]
    public void A_birth_date_covers_its_precision(string birthDate, string expected)
    {
        var indexed = Index($"{{'resourceType': 'Patient', 'id': 'p', {birthDate}}}");

        Assert.Equal(expected, indexed.Describe("birthdate"));
    }

    [Theory]
    // dateTime: to the second, normalised to UTC
    [InlineData("'effectiveDateTime': '2013-01-14T10:00:00+02:00'", "2013-01-14T08:00:00.0000000Z..2013-01-14T08:00:00.9999999Z")]
    [InlineData("'effectiveDateTime': '2013-01-14T23:30:00-05:00'", "2013-01-15T04:30:00.0000000Z..2013-01-15T04:30:00.9999999Z")]
    [InlineData("'effectiveDateTime': '2013-01-14T10:00:00.25Z'", "2013-01-14T10:00:00.2500000Z..2013-01-14T10:00:00.2599999Z")]
    // a time without a timezone (invalid in R4) is read as UTC rather than lost
    [InlineData("'effectiveDateTime': '2013-01-14T10:00:00'", "2013-01-14T10:00:00.0000000Z..2013-01-14T10:00:00.9999999Z")]
    // instant
    [InlineData("'effectiveInstant': '2013-01-14T10:00:00.123+01:00'", "2013-01-14T09:00:00.1230000Z..2013-01-14T09:00:00.1239999Z")]
    // Period: start's first instant to end's last
    [InlineData("'effectivePeriod': {'start': '2013-01-14', 'end': '2013-01-20T12:00:00Z'}", "2013-01-14T00:00:00.0000000Z..2013-01-20T12:00:00.9999999Z")]
    // a Period open on one side
    [InlineData("'effectivePeriod': {'start': '2013-01'}", "2013-01-01T00:00:00.0000000Z..+inf")]
    [InlineData("'effectivePeriod': {'end': '2013'}", "-inf..2013-12-31T23:59:59.9999999Z")]
    // Timing: each event, and the bounds of the repeat
    [InlineData("'effectiveTiming': {'event': ['2013-01-14T08:00:00Z', '2013-01-15'], 'repeat': {'boundsPeriod': {'start': '2013-01-01', 'end': '2013-03-31'}}}", "2013-01-14T08:00:00.0000000Z..2013-01-14T08:00:00.9999999Z ; 2013-01-15T00:00:00.0000000Z..2013-01-15T23:59:59.9999999Z ; 2013-01-01T00:00:00.0000000Z..2013-03-31T23:59:59.9999999Z")]
    public void Observation_effective_gives_the_range_of_its_choice_type(string effective, string expected)
    {
        var indexed = Index($"{{'resourceType': 'Observation', 'id': 'o', 'status': 'final', 'code': {{'text': 'x'}}, {effective}}}");

        Assert.Equal(expected, indexed.Describe("date"));
    }

    [Fact]
    public void The_last_updated_instant_is_indexed_too()
    {
        var indexed = Index("{'resourceType': 'Patient', 'id': 'p', 'meta': {'lastUpdated': '2024-03-01T12:00:00Z'}}");

        Assert.Equal("2024-03-01T12:00:00.0000000Z..2024-03-01T12:00:00.9999999Z", indexed.Describe("_lastUpdated"));
    }

    [Fact]
    public void A_value_date_parameter_takes_dateTime_and_Period_but_not_a_Quantity()
    {
        var dateTime = Index("{'resourceType': 'Observation', 'id': 'o', 'status': 'final', 'code': {'text': 'x'}, 'valueDateTime': '2020-06'}");
        var quantity = Index("{'resourceType': 'Observation', 'id': 'o', 'status': 'final', 'code': {'text': 'x'}, 'valueQuantity': {'value': 1}}");

        Assert.Equal("2020-06-01T00:00:00.0000000Z..2020-06-30T23:59:59.9999999Z", dateTime.Describe("value-date"));
        Assert.Empty(quantity.ValuesOf("value-date"));
    }

    [Theory]
    [InlineData("'birthDate': '1980-13'", "Patient.birthDate (date '1980-13') gives no Date value; skipped")]
    [InlineData("'birthDate': 'last spring'", "Patient.birthDate (date 'last spring') gives no Date value; skipped")]
    public void A_date_that_is_not_a_date_is_skipped_with_a_warning(string birthDate, string message)
    {
        var diagnostics = new List<IndexingDiagnostic>();

        var indexed = IndexWithDiagnostics($"{{'resourceType': 'Patient', 'id': 'p', {birthDate}, 'gender': 'male'}}", diagnostics);

        Assert.Empty(indexed.ValuesOf("birthdate"));
        Assert.Equal("|male", indexed.Describe("gender"));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(new IndexingDiagnostic(IndexingDiagnosticSeverity.Warning, "Patient", "p", "birthdate", message), diagnostic);
    }
}
