using static FhirEf.Core.Tests.Indexing.IndexerHarness;

namespace FhirEf.Core.Tests.Indexing;

/// <summary>string parameters (R4 search §3.1.1.4.8): strings as written, each string part of a HumanName or Address its own value.</summary>
public sealed class StringValueTests
{
    private const string Patient = """
        {'resourceType': 'Patient', 'id': 'p1',
         'name': [{'use': 'official', 'family': 'Carreño Quiñones', 'given': ['Eve', 'Marie'], 'prefix': ['Dr.'], 'suffix': ['PhD'], 'text': 'Dr. Eve Marie Carreño Quiñones PhD'},
                  {'use': 'nickname', 'given': ['Evie']}],
         'address': [{'use': 'home', 'line': ['1 Main St', 'Apt 2'], 'city': 'Springfield', 'district': 'Greene', 'state': 'MO', 'postalCode': '65801', 'country': 'US', 'text': '1 Main St, Springfield', 'period': {'start': '2001'}}]}
        """;

    [Theory]
    [InlineData("name", "Carreño Quiñones ; Eve ; Marie ; Dr. ; PhD ; Dr. Eve Marie Carreño Quiñones PhD ; Evie")]
    [InlineData("phonetic", "Carreño Quiñones ; Eve ; Marie ; Dr. ; PhD ; Dr. Eve Marie Carreño Quiñones PhD ; Evie")]
    [InlineData("family", "Carreño Quiñones")]
    [InlineData("given", "Eve ; Marie ; Evie")]
    [InlineData("address", "1 Main St ; Apt 2 ; Springfield ; Greene ; MO ; 65801 ; US ; 1 Main St, Springfield")]
    [InlineData("address-city", "Springfield")]
    [InlineData("address-postalcode", "65801")]
    [InlineData("address-use", "|home")]
    public void A_patient_gives_each_string_part_of_its_names_and_addresses(string code, string expected)
    {
        Assert.Equal(expected, Index(Patient).Describe(code));
    }

    [Fact]
    public void Markdown_is_a_string_as_written()
    {
        var indexed = Index("{'resourceType': 'CodeSystem', 'id': 'cs', 'status': 'draft', 'content': 'complete', 'description': 'Codes for **tests**'}");

        Assert.Equal("Codes for **tests**", indexed.Describe("description"));
    }

    [Fact]
    public void A_name_with_only_a_use_gives_no_string_values()
    {
        var indexed = Index("{'resourceType': 'Patient', 'id': 'p', 'name': [{'use': 'anonymous'}]}");

        Assert.Empty(indexed.ValuesOf("name"));
    }
}
