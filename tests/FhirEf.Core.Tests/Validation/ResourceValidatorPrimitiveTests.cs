using FhirEf.Core.Errors;
using static FhirEf.Core.Tests.Validation.ValidatorHarness;

namespace FhirEf.Core.Tests.Validation;

/// <summary>Primitive values in their elements: the syntax of each R4 primitive type, reported with its path.</summary>
public sealed class ResourceValidatorPrimitiveTests
{
    private const string Observation = "'resourceType':'Observation','status':'final','code':{'text':'x'}";
    private const string Media = "'resourceType':'Media','status':'completed'";

    [Theory]
    [InlineData("{'resourceType':'Patient','birthDate':'1990-13-01'}", "Patient.birthDate: '1990-13-01' is not a valid date")]
    [InlineData("{'resourceType':'Patient','birthDate':'1990-02-30'}", "Patient.birthDate: '1990-02-30' is not a valid date")]
    [InlineData("{'resourceType':'Patient','birthDate':'1990-01-01T00:00:00Z'}", "Patient.birthDate: '1990-01-01T00:00:00Z' is not a valid date")]
    [InlineData("{" + Observation + ",'effectiveDateTime':'2015-02-07T13:28:17'}", "Observation.effectiveDateTime: '2015-02-07T13:28:17' is not a valid dateTime (a time needs seconds and a timezone)")]
    [InlineData("{" + Observation + ",'effectiveDateTime':'2015-02-07T24:00:00Z'}", "Observation.effectiveDateTime: '2015-02-07T24:00:00Z' is not a valid dateTime (a time needs seconds and a timezone)")]
    [InlineData("{" + Observation + ",'effectiveDateTime':'07/02/2015'}", "Observation.effectiveDateTime: '07/02/2015' is not a valid dateTime")]
    [InlineData("{" + Observation + ",'issued':'2015-02-07'}", "Observation.issued: '2015-02-07' is not a valid instant (YYYY-MM-DDThh:mm:ss with a timezone)")]
    [InlineData("{'resourceType':'Location','hoursOfOperation':[{'openingTime':'24:00:00'}]}", "Location.hoursOfOperation[0].openingTime: '24:00:00' is not a valid time (hh:mm:ss)")]
    [InlineData("{'resourceType':'Patient','multipleBirthInteger':1.5}", "Patient.multipleBirthInteger: '1.5' is not a valid integer (a whole number from -2147483648 to 2147483647)")]
    [InlineData("{'resourceType':'Patient','multipleBirthInteger':1.0}", "Patient.multipleBirthInteger: '1.0' is not a valid integer (a whole number from -2147483648 to 2147483647)")]
    [InlineData("{'resourceType':'Patient','multipleBirthInteger':1e2}", "Patient.multipleBirthInteger: '1e2' is not a valid integer (a whole number from -2147483648 to 2147483647)")]
    [InlineData("{'resourceType':'Patient','multipleBirthInteger':2147483648}", "Patient.multipleBirthInteger: '2147483648' is not a valid integer (a whole number from -2147483648 to 2147483647)")]
    [InlineData("{" + Media + ",'content':{'contentType':'image/png'},'width':0}", "Media.width: '0' is not a valid positiveInt (a whole number from 1 to 2147483647)")]
    [InlineData("{" + Media + ",'content':{'contentType':'image/png','size':-1}}", "Media.content.size: '-1' is not a valid unsignedInt (a whole number from 0 to 2147483647)")]
    [InlineData("{'resourceType':'Patient','gender':'male '}", "Patient.gender: 'male ' is not a valid code (no leading, trailing or repeated whitespace)")]
    [InlineData("{'resourceType':'Patient','gender':'not  male'}", "Patient.gender: 'not  male' is not a valid code (no leading, trailing or repeated whitespace)")]
    [InlineData("{'resourceType':'Patient','implicitRules':'http://example.org/a rule'}", "Patient.implicitRules: 'http://example.org/a rule' is not a valid uri (no whitespace)")]
    [InlineData("{'resourceType':'Patient','photo':[{'url':' http://example.org'}]}", "Patient.photo[0].url: ' http://example.org' is not a valid url (no whitespace)")]
    [InlineData("{'resourceType':'Patient','meta':{'profile':['http://example.org/a profile']}}", "Patient.meta.profile[0]: 'http://example.org/a profile' is not a valid canonical (no whitespace)")]
    [InlineData("{'resourceType':'Patient','meta':{'lastUpdated':'2015-02-07T13:28:17'}}", "Patient.meta.lastUpdated: '2015-02-07T13:28:17' is not a valid instant (YYYY-MM-DDThh:mm:ss with a timezone)")]
    [InlineData("{'resourceType':'Patient','meta':{'versionId':'v 1'}}", "Patient.meta.versionId: 'v 1' is not a valid id (1 to 64 of A-Z, a-z, 0-9, '-' and '.')")]
    [InlineData("{'resourceType':'Patient','extension':[{'url':'http://example.org/x','valueOid':'1.2.3'}]}", "Patient.extension[0].valueOid: '1.2.3' is not a valid oid (urn:oid: followed by dotted numbers)")]
    [InlineData("{'resourceType':'Patient','extension':[{'url':'http://example.org/x','valueUuid':'urn:uuid:53FEFA32-fcbb-4ff8-8a92-55ee120877b7'}]}", "Patient.extension[0].valueUuid: 'urn:uuid:53FEFA32-fcbb-4ff8-8a92-55ee120877b7' is not a valid uuid (urn:uuid: followed by a lower-case UUID)")]
    [InlineData("{'resourceType':'Patient','photo':[{'data':'SGVsbG8'}]}", "Patient.photo[0].data: 'SGVsbG8' is not a valid base64Binary")]
    [InlineData("{'resourceType':'Patient','name':[{'family':'a\\u0001b'}]}", "Patient.name[0].family: 'a\u0001b' contains a control character (below U+0020, other than tab, CR or LF)")]
    [InlineData("{'resourceType':'Patient','extension':[{'url':'http://example.org/x','valueMarkdown':'bell\\u0007'}]}", "Patient.extension[0].valueMarkdown: 'bell\u0007' contains a control character (below U+0020, other than tab, CR or LF)")]
    [InlineData("{'resourceType':'Patient','text':{'status':'generated','div':'<p>hello</p>'}}", "Patient.text.div: '<p>hello</p>' is not a valid xhtml (XHTML starting with <div)")]
    [InlineData("{'resourceType':'Patient','extension':[{'url':'http://example.org/a b'}]}", "Patient.extension[0].url: 'http://example.org/a b' is not a valid uri (no whitespace)")]
    public void A_primitive_that_breaks_its_syntax_is_reported_at_its_path(string json, string expected) => Assert.Equal(expected, Issues(json));

    [Theory]
    [InlineData("{'resourceType':'Patient','birthDate':'2000-02-29','deceasedDateTime':'2020-02-07T13:28:17.123456789+14:00'}")]
    [InlineData("{" + Observation + ",'effectiveDateTime':'2015','issued':'2015-02-07T13:28:17.239-05:00'}")]
    [InlineData("{" + Observation + ",'valueTime':'23:59:60'}")]
    [InlineData("{'resourceType':'Patient','multipleBirthInteger':-2147483648}")]
    [InlineData("{" + Media + ",'width':2147483647,'content':{'contentType':'image/png','size':0,'data':'SGVs\\nbG8h'}}")]
    [InlineData("{" + Observation + ",'valueQuantity':{'value':-0.000123e-4}}")]
    [InlineData("{'resourceType':'Patient','name':[{'family':'line\\nbreak\\ttab \\u00e9 \\ud83d\\ude00'}]}")]
    [InlineData("{'resourceType':'Patient','extension':[{'url':'http://example.org/x','valueOid':'urn:oid:2.16.840.1.113883'},{'url':'http://example.org/y','valueUuid':'urn:uuid:53fefa32-fcbb-4ff8-8a92-55ee120877b7'}]}")]
    [InlineData("{'resourceType':'Patient','text':{'status':'generated','div':'<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">hi</div>'}}")]
    public void Valid_primitives_have_no_issues(string json) => Assert.Equal(string.Empty, Issues(json));

    [Theory]
    [InlineData("{'resourceType':'Patient','\\u0061ctive':true,'gender':'m\\u0061le'}", "")]
    [InlineData("{'resourceType':'Patient','birthDate':'1990-13-0\\u0031'}", "Patient.birthDate: '1990-13-01' is not a valid date")]
    [InlineData("{'resourceType':'Patient','\\u0066oo':1}", "Patient.foo: 'foo' is not an element of Patient")]
    public void Escaped_names_and_values_are_read_unescaped(string json, string expected) => Assert.Equal(expected, Issues(json));

    [Fact]
    public void A_decimal_beyond_what_FhirEf_keeps_exactly_is_a_warning_not_an_error()
    {
        var result = Validate("{" + Observation + ",'valueQuantity':{'value':1.000000000000000000E-245}}");

        var issue = Assert.Single(result.Issues);
        Assert.True(result.IsValid);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Equal(IssueType.NotSupported, issue.Code);
        Assert.Equal("Observation.valueQuantity.value: '1.000000000000000000E-245' is a valid decimal, but has more digits or decimal places than FhirEf keeps exactly (27): number search ignores it", issue.ToString());
    }

    [Fact]
    public void A_number_too_large_for_a_double_is_still_read_exactly()
    {
        // Through double this would be Infinity (decimal) or silently rounded (integer).
        Assert.Equal("Patient.multipleBirthInteger: '1e400' is not a valid integer (a whole number from -2147483648 to 2147483647)", Issues("{'resourceType':'Patient','multipleBirthInteger':1e400}"));
        Assert.Equal(string.Empty, Issues("{" + Observation + ",'valueQuantity':{'value':79228162514264337593543950}}"));
    }

    [Fact]
    public void Long_values_are_checked_in_full()
    {
        var base64 = new string('A', 4000);
        var prose = new string('x', 4000);

        Assert.Equal(string.Empty, Issues("{'resourceType':'Patient','photo':[{'data':'" + base64 + "'}],'text':{'status':'generated','div':'<div>" + prose + "</div>'}}"));
        Assert.Equal(
            "Patient.photo[0].data: '" + base64[..60] + "…' is not a valid base64Binary | Patient.text.div: '" + prose[..60] + "…' is not a valid xhtml (XHTML starting with <div)",
            Issues("{'resourceType':'Patient','photo':[{'data':'" + base64 + "A'}],'text':{'status':'generated','div':'" + prose + "'}}"));
    }

    [Fact]
    public void The_string_limit_counts_characters_not_bytes()
    {
        var accents = new string('é', 1024 * 1024);

        Assert.Equal(string.Empty, Issues("{'resourceType':'Patient','name':[{'family':'" + accents + "'}]}"));
        Assert.Equal("Patient.name[0].family: string is 1048577 characters long; the limit is 1048576", Issues("{'resourceType':'Patient','name':[{'family':'" + accents + "é'}]}"));
    }

    [Fact]
    public void A_string_longer_than_one_megabyte_is_too_long()
    {
        var family = new string('x', (1024 * 1024) + 1);

        var issue = Assert.Single(Validate("{'resourceType':'Patient','name':[{'family':'" + family + "'}]}").Issues);

        Assert.Equal(IssueType.TooLong, issue.Code);
        Assert.Equal("Patient.name[0].family: string is 1048577 characters long; the limit is 1048576", issue.ToString());
    }
}
