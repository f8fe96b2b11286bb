using static FhirEf.Core.Tests.Indexing.IndexerHarness;

namespace FhirEf.Core.Tests.Indexing;

/// <summary>The texts of <c>_text</c> (the narrative) and <c>_content</c> (the string-like values of the whole resource).</summary>
public sealed class TextTests
{
    [Theory]
    [InlineData("<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\"><p>Eve <b>Smith</b></p><p>born 1980</p></div>", "Eve Smith born 1980")]
    [InlineData("<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">Fish &amp; chips &lt;3 caf&#233;&nbsp;ok</div>", "Fish & chips <3 café\u00a0ok")]
    [InlineData("<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\"><!-- hidden --><a href=\\\"x>y\\\">link</a>\\n\\n  text</div>", "link text")]
    [InlineData("<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\"><img src=\\\"a.png\\\"/></div>", null)]
    public void The_narrative_text_is_the_div_without_markup_with_entities_decoded(string div, string? expected)
    {
        var indexed = Index($"{{'resourceType': 'Patient', 'id': 'p', 'text': {{'status': 'generated', 'div': '{div}'}}}}");

        Assert.Equal(expected, indexed.NarrativeText);
    }

    [Fact]
    public void Content_text_has_the_string_like_values_but_not_dates_numbers_booleans_binary_or_the_narrative()
    {
        var indexed = Index("""
            {'resourceType': 'Observation', 'id': 'o1', 'meta': {'lastUpdated': '2024-01-01T00:00:00Z', 'source': 'http://lab.example.org'},
             'text': {'status': 'generated', 'div': '<div xmlns=\"http://www.w3.org/1999/xhtml\">narrative only</div>'},
             'status': 'final', 'code': {'coding': [{'system': 'http://loinc.org', 'code': '15074-8', 'display': 'Glucose'}]},
             'effectiveDateTime': '2013-04-02T09:30:10+01:00', 'issued': '2013-04-03T15:30:10+01:00',
             'valueQuantity': {'value': 6.3, 'unit': 'mmol/l'},
             'contained': [{'resourceType': 'Binary', 'id': 'b1', 'contentType': 'text/plain', 'data': 'aGVsbG8gd29ybGQ='}],
             'note': [{'text': 'Fasting, see _history'}], 'extension': [{'url': 'http://example.org/ext', 'valueBoolean': true}]}
            """);

        Assert.Equal("o1 http://lab.example.org generated final http://loinc.org 15074-8 Glucose mmol/l b1 text/plain Fasting, see _history http://example.org/ext", indexed.ContentText);
    }

    [Theory]
    [InlineData("data", true)]
    [InlineData("div", true)]
    [InlineData("birthDate", true)]
    [InlineData("effectiveDateTime", true)]
    [InlineData("lastUpdated", true)]
    [InlineData("end", true)]
    [InlineData("start", false)]
    [InlineData("when", false)]
    [InlineData("value", false)]
    [InlineData("valueString", false)]
    [InlineData("system", false)]
    [InlineData("reference", false)]
    public void Content_text_leaves_out_names_that_are_binary_or_only_dates(string name, bool leftOut)
    {
        var content = new FhirEf.Core.Indexing.Extraction.ContentText(FhirEf.Core.Definitions.FhirDefinitions.R4.Structures);

        Assert.Equal(leftOut, content.LeftOutNames.Contains(name));
    }

    [Fact]
    public void A_resource_without_a_narrative_has_no_narrative_text()
    {
        Assert.Null(Index("{'resourceType': 'Patient', 'id': 'p'}").NarrativeText);
    }
}
