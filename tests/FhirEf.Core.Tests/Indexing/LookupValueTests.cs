using FhirEf.Core.Schema;
using static FhirEf.Core.Tests.Indexing.IndexerHarness;

namespace FhirEf.Core.Tests.Indexing;

/// <summary>Rows of the shared lookup tables: one per HumanName, Address, ContactPoint or Identifier value of each parameter.</summary>
public sealed class LookupValueTests
{
    private const string Patient = """
        {'resourceType': 'Patient', 'id': 'p1',
         'identifier': [{'use': 'official', 'type': {'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/v2-0203', 'code': 'MR'}]}, 'system': 'urn:mrn', 'value': '42'}],
         'name': [{'use': 'official', 'family': 'Chalmers', 'given': ['Peter', 'James'], 'prefix': ['Mr.']}],
         'telecom': [{'system': 'phone', 'value': '(03) 5555 6473', 'use': 'work', 'rank': 1}],
         'address': [{'use': 'home', 'type': 'both', 'line': ['534 Erewhon St'], 'city': 'PleasantVille', 'state': 'Vic', 'postalCode': '3999', 'country': 'AU'}],
         'managingOrganization': {'identifier': {'value': 'org-1'}}}
        """;

    [Fact]
    public void Each_structured_value_of_each_parameter_is_a_row_with_the_table_columns()
    {
        var lookups = Index(Patient).Lookups;

        // address-city and the like yield strings, not Address values; name and phonetic both yield the HumanName.
        Assert.Equal(
            ["Address address", "ContactPoint phone", "ContactPoint telecom", "HumanName name", "HumanName phonetic", "Identifier identifier"],
            lookups.Select(l => $"{l.Table} {l.Code}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_human_name_row_holds_its_parts()
    {
        var name = Index(Patient).Lookups.Single(l => l.Code == "name");

        Assert.Equal(LookupTables.HumanName, name.Table);
        Assert.Equal("official", name.Fields["use"]);
        Assert.Equal("Chalmers", name.Fields["family"]);
        Assert.Equal(["Peter", "James"], (string[])name.Fields["given"]!);
        Assert.Equal(["Mr."], (string[])name.Fields["prefix"]!);
        Assert.Null(name.Fields["suffix"]);
        Assert.Null(name.Fields["text"]);
    }

    [Fact]
    public void Address_contact_point_and_identifier_rows_hold_their_parts()
    {
        var lookups = Index(Patient).Lookups;
        var address = lookups.Single(l => l.Code == "address");
        var phone = lookups.Single(l => l.Code == "telecom");
        var identifier = lookups.Single(l => l.Code == "identifier");

        Assert.Equal(["534 Erewhon St"], (string[])address.Fields["line"]!);
        Assert.Equal(("home", "both", "PleasantVille", null, "Vic", "3999", "AU"), ((string?)address.Fields["use"], (string?)address.Fields["type"], (string?)address.Fields["city"], (string?)address.Fields["district"], (string?)address.Fields["state"], (string?)address.Fields["postalCode"], (string?)address.Fields["country"]));
        Assert.Equal(("phone", "(03) 5555 6473", "work", 1), ((string?)phone.Fields["system"], (string?)phone.Fields["value"], (string?)phone.Fields["use"], (int?)phone.Fields["rank"]));
        Assert.Equal(("official", "http://terminology.hl7.org/CodeSystem/v2-0203", "MR", "urn:mrn", "42"), ((string?)identifier.Fields["use"], (string?)identifier.Fields["typeSystem"], (string?)identifier.Fields["typeCode"], (string?)identifier.Fields["system"], (string?)identifier.Fields["value"]));
    }

    [Fact]
    public void Every_field_is_a_column_of_its_lookup_table()
    {
        foreach (var lookup in Index(Patient).Lookups)
        {
            var table = LookupTables.All.Single(t => t.Name == lookup.Table);
            var columns = table.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

            Assert.All(lookup.Fields.Keys, field => Assert.Contains(field, columns));
        }
    }

    [Fact]
    public void Values_that_are_not_structured_give_no_rows()
    {
        var indexed = Index("{'resourceType': 'Patient', 'id': 'p', 'gender': 'male', 'name': [{'family': 'Ng'}]}");

        Assert.Equal(["HumanName name", "HumanName phonetic"], indexed.Lookups.Select(l => $"{l.Table} {l.Code}").Order(StringComparer.Ordinal));
    }
}
