using static FhirEf.Core.Tests.Indexing.IndexerHarness;

namespace FhirEf.Core.Tests.Indexing;

/// <summary>token parameters, by the data type table of R4 search §3.1.1.4.10.</summary>
public sealed class TokenValueTests
{
    [Theory]
    // code
    [InlineData("{'resourceType': 'Patient', 'id': 'p', 'gender': 'female'}", "gender", "|female")]
    // boolean, both values
    [InlineData("{'resourceType': 'Patient', 'id': 'p', 'active': true}", "active", "|true")]
    [InlineData("{'resourceType': 'Patient', 'id': 'p', 'active': false}", "active", "|false")]
    // a Boolean the expression computes: Patient.deceased.exists() and Patient.deceased != false
    [InlineData("{'resourceType': 'Patient', 'id': 'p', 'deceasedDateTime': '2015-02-14'}", "deceased", "|true")]
    [InlineData("{'resourceType': 'Patient', 'id': 'p', 'deceasedBoolean': false}", "deceased", "|false")]
    [InlineData("{'resourceType': 'Patient', 'id': 'p'}", "deceased", "|false")]
    // id
    [InlineData("{'resourceType': 'Patient', 'id': 'p-1.x'}", "_id", "|p-1.x")]
    // Coding (meta.tag): system, code, display as text
    [InlineData("{'resourceType': 'Patient', 'id': 'p', 'meta': {'tag': [{'system': 'http://example.org/tags', 'code': 'vip', 'display': 'Very important'}, {'code': 'test'}]}}", "_tag", "http://example.org/tags|vip (Very important) ; |test")]
    // CodeableConcept: each coding, then the text alone
    [InlineData("{'resourceType': 'Condition', 'id': 'c', 'subject': {'reference': 'Patient/p'}, 'code': {'coding': [{'system': 'http://snomed.info/sct', 'code': '39065001', 'display': 'Burn of ear'}, {'system': 'http://hl7.org/fhir/sid/icd-10', 'code': 'T20.0'}], 'text': 'Burnt ear'}}", "code", "http://snomed.info/sct|39065001 (Burn of ear) ; http://hl7.org/fhir/sid/icd-10|T20.0 ; | (Burnt ear)")]
    [InlineData("{'resourceType': 'Condition', 'id': 'c', 'subject': {'reference': 'Patient/p'}, 'code': {'text': 'Headache'}}", "code", "| (Headache)")]
    // Identifier: system and value, type text as text, type coding for :of-type
    [InlineData("{'resourceType': 'Patient', 'id': 'p', 'identifier': [{'use': 'usual', 'type': {'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/v2-0203', 'code': 'MR'}], 'text': 'Medical record number'}, 'system': 'urn:oid:1.2.36.146.595.217.0.1', 'value': '12345'}]}", "identifier", "urn:oid:1.2.36.146.595.217.0.1|12345 (Medical record number) of-type http://terminology.hl7.org/CodeSystem/v2-0203|MR")]
    [InlineData("{'resourceType': 'Patient', 'id': 'p', 'identifier': [{'value': '12345'}, {'system': 'http://example.org/ssn'}]}", "identifier", "|12345 ; http://example.org/ssn|")]
    // the first type coding with a code decides :of-type
    [InlineData("{'resourceType': 'Patient', 'id': 'p', 'identifier': [{'type': {'coding': [{'display': 'no code'}, {'system': 'http://terminology.hl7.org/CodeSystem/v2-0203', 'code': 'DL'}]}, 'value': 'D-1'}]}", "identifier", "|D-1 of-type http://terminology.hl7.org/CodeSystem/v2-0203|DL")]
    // ContactPoint: the value only, never the system
    [InlineData("{'resourceType': 'Patient', 'id': 'p', 'telecom': [{'system': 'phone', 'value': '+1 555 0100', 'use': 'home'}, {'system': 'email', 'value': 'eve@example.org'}]}", "telecom", "|+1 555 0100 ; |eve@example.org")]
    [InlineData("{'resourceType': 'Patient', 'id': 'p', 'telecom': [{'system': 'phone', 'value': '+1 555 0100'}, {'system': 'email', 'value': 'eve@example.org'}]}", "phone", "|+1 555 0100")]
    [InlineData("{'resourceType': 'Patient', 'id': 'p', 'telecom': [{'system': 'phone', 'value': '+1 555 0100'}, {'system': 'email', 'value': 'eve@example.org'}]}", "email", "|eve@example.org")]
    // a boolean choice in a token parameter: (Group.characteristic.value as boolean)
    [InlineData("{'resourceType': 'Group', 'id': 'g', 'type': 'person', 'actual': true, 'characteristic': [{'code': {'text': 'smoker'}, 'valueBoolean': true, 'exclude': false}]}", "value", "|true")]
    public void A_data_type_gives_the_tokens_of_the_spec_table(string resource, string code, string expected)
    {
        Assert.Equal(expected, Index(resource).Describe(code));
    }
}
