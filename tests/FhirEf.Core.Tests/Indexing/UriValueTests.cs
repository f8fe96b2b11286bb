using static FhirEf.Core.Tests.Indexing.IndexerHarness;

namespace FhirEf.Core.Tests.Indexing;

/// <summary>uri parameters (R4 search §3.1.1.4.9): uri, url, canonical, oid and uuid values exactly as written.</summary>
public sealed class UriValueTests
{
    [Theory]
    [InlineData("{'resourceType': 'ValueSet', 'id': 'v', 'status': 'draft', 'url': 'http://example.org/fhir/ValueSet/123'}", "url", "http://example.org/fhir/ValueSet/123")]
    [InlineData("{'resourceType': 'ValueSet', 'id': 'v', 'status': 'draft', 'url': 'urn:oid:1.2.3.4.5'}", "url", "urn:oid:1.2.3.4.5")]
    [InlineData("{'resourceType': 'Patient', 'id': 'p', 'meta': {'profile': ['http://example.org/StructureDefinition/a|1.0', 'http://example.org/StructureDefinition/b']}}", "_profile", "http://example.org/StructureDefinition/a|1.0 ; http://example.org/StructureDefinition/b")]
    [InlineData("{'resourceType': 'Patient', 'id': 'p', 'meta': {'source': 'http://example.org/feeds/A#42'}}", "_source", "http://example.org/feeds/A#42")]
    public void A_uri_is_kept_as_written(string resource, string code, string expected)
    {
        Assert.Equal(expected, Index(resource).Describe(code));
    }
}
