using FhirEf.Core.Primitives;

namespace FhirEf.Core.Tests.Primitives;

public sealed class FhirUriSyntaxTests
{
    [Theory]
    [InlineData("http://hl7.org/fhir", true)]
    [InlineData("urn:uuid:53fefa32-fcbb-4ff8-8a92-55ee120877b7", true)]
    [InlineData("http://hl7.org/fhir/ValueSet/x|4.0.1", true)]
    [InlineData("Patient/123", true)]
    [InlineData("#contained", true)]
    [InlineData("", false)]
    [InlineData("http://a b", false)]
    [InlineData("http://a\tb", false)]
    [InlineData(" http://a", false)]
    [InlineData("http://a\u0001", false)]
    public void Uri_has_no_whitespace(string text, bool valid) => Assert.Equal(valid, FhirUriSyntax.IsValidUri(text));

    [Theory]
    [InlineData("urn:oid:1.2.3", true)]
    [InlineData("urn:oid:2.16.840.1.113883", true)]
    [InlineData("urn:oid:0.0", true)]
    [InlineData("urn:oid:1", false)]
    [InlineData("urn:oid:3.1", false)]
    [InlineData("urn:oid:1.02", false)]
    [InlineData("urn:oid:1..2", false)]
    [InlineData("urn:oid:1.2.", false)]
    [InlineData("1.2.3", false)]
    [InlineData("URN:OID:1.2.3", false)]
    public void Oid_is_urn_oid_with_dotted_numbers(string text, bool valid) => Assert.Equal(valid, FhirUriSyntax.IsValidOid(text));

    [Theory]
    [InlineData("urn:uuid:53fefa32-fcbb-4ff8-8a92-55ee120877b7", true)]
    [InlineData("urn:uuid:53FEFA32-fcbb-4ff8-8a92-55ee120877b7", false)]
    [InlineData("53fefa32-fcbb-4ff8-8a92-55ee120877b7", false)]
    [InlineData("urn:uuid:53fefa32fcbb4ff88a9255ee120877b7", false)]
    [InlineData("urn:uuid:53fefa32-fcbb-4ff8-8a92-55ee120877b", false)]
    [InlineData("urn:uuid:53fefa32-fcbb-4ff8-8a92-55ee120877g7", false)]
    public void Uuid_is_urn_uuid_in_lower_case(string text, bool valid) => Assert.Equal(valid, FhirUriSyntax.IsValidUuid(text));
}
