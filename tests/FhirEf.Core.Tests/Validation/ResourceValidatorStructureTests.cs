using FhirEf.Core.Errors;
using static FhirEf.Core.Tests.Validation.ValidatorHarness;

namespace FhirEf.Core.Tests.Validation;

/// <summary>The structural rules: resourceType, known elements, choice names, cardinality, required children, JSON shapes.</summary>
public sealed class ResourceValidatorStructureTests
{
    private const string Observation = "'resourceType':'Observation','status':'final','code':{'text':'weight'}";

    [Theory]
    [InlineData("{'resourceType':'Patient'}")]
    [InlineData("{'resourceType':'Patient','id':'example','active':true,'name':[{'family':'Chalmers','given':['Peter','James']}],'birthDate':'1974-12-25'}")]
    [InlineData("{" + Observation + ",'valueQuantity':{'value':1.50,'unit':'kg'}}")]
    [InlineData("{" + Observation + ",'valueString':'heavy','effectiveDateTime':'2015-02-07T13:28:17-05:00'}")]
    [InlineData("{'resourceType':'Patient','contained':[{'resourceType':'Organization','id':'o1','name':'Acme'}],'managingOrganization':{'reference':'#o1'}}")]
    [InlineData("{'resourceType':'Questionnaire','status':'draft','item':[{'linkId':'1','type':'group','item':[{'linkId':'1.1','type':'string','item':[{'linkId':'1.1.1','type':'display'}]}]}]}")]
    [InlineData("{'resourceType':'Patient','extension':[{'url':'http://example.org/x','extension':[{'url':'a','valueCodeableConcept':{'text':'b'}}]}]}")]
    public void A_structurally_valid_resource_has_no_issues(string json) => Assert.Equal(string.Empty, Issues(json));

    [Theory]
    [InlineData("{}", "Resource: resourceType is missing: a resource must say which type it is")]
    [InlineData("{'id':'x'}", "Resource: resourceType is missing: a resource must say which type it is")]
    [InlineData("{'resourceType':'Foo'}", "Resource.resourceType: 'Foo' is not a known resource type")]
    [InlineData("{'resourceType':'HumanName'}", "Resource.resourceType: 'HumanName' is not a known resource type")]
    [InlineData("{'resourceType':'DomainResource'}", "Resource.resourceType: 'DomainResource' is abstract: a resource is one of its concrete types")]
    [InlineData("{'resourceType':1}", "Resource.resourceType: resourceType must be a JSON string, not a number")]
    [InlineData("[{'resourceType':'Patient'}]", "Resource: a resource must be a JSON object, not an array")]
    [InlineData("'Patient'", "Resource: a resource must be a JSON object, not a string")]
    [InlineData("{'resourceType':'Patient','id':'a_b'}", "Patient.id: 'a_b' is not a valid id (1 to 64 of A-Z, a-z, 0-9, '-' and '.')")]
    [InlineData("{'resourceType':'Patient','id':'12345678901234567890123456789012345678901234567890123456789012345'}", "Patient.id: '123456789012345678901234567890123456789012345678901234567890…' is not a valid id (1 to 64 of A-Z, a-z, 0-9, '-' and '.')")]
    public void The_resource_type_and_id_are_checked(string json, string expected) => Assert.Equal(expected, Issues(json));

    [Theory]
    [InlineData("{'resourceType':'Patient','foo':1}", "Patient.foo: 'foo' is not an element of Patient")]
    [InlineData("{'resourceType':'Patient','Name':[{'family':'x'}]}", "Patient.Name: 'Name' is not an element of Patient")]
    [InlineData("{'resourceType':'Patient','name':[{'family':'x'},{'foo':'x'}]}", "Patient.name[1].foo: 'foo' is not an element of HumanName")]
    [InlineData("{'resourceType':'Patient','contact':[{'foo':'x'}]}", "Patient.contact[0].foo: 'foo' is not an element of Patient.contact")]
    [InlineData("{'resourceType':'Patient','name':[{'resourceType':'HumanName'}]}", "Patient.name[0].resourceType: resourceType is only allowed where a resource is expected")]
    [InlineData("{" + Observation + ",'value':1}", "Observation.value: 'value' is not an element of Observation: value[x] is written with its type in the name, as in valueQuantity")]
    [InlineData("{" + Observation + ",'valueMoney':{'value':1}}", "Observation.valueMoney: 'valueMoney' is not an element of Observation: value[x] allows Quantity, CodeableConcept, string, boolean, integer, Range, Ratio, SampledData, time, dateTime, Period")]
    [InlineData("{" + Observation + ",'valuestring':'x'}", "Observation.valuestring: 'valuestring' is not an element of Observation")]
    [InlineData("{" + Observation + ",'valueString':'x','valueBoolean':true}", "Observation.valueBoolean: only one type of value[x] is allowed, but both string and boolean are present")]
    [InlineData("{" + Observation + ",'valueString':'x','_valueBoolean':{'id':'a'}}", "Observation.valueBoolean: only one type of value[x] is allowed, but both string and boolean are present")]
    [InlineData("{'resourceType':'Patient','gender':'male','gender':'female'}", "Patient.gender: 'gender' appears more than once")]
    public void Every_property_must_be_an_element_of_its_parent(string json, string expected) => Assert.Equal(expected, Issues(json));

    [Theory]
    [InlineData("{'resourceType':'Patient','name':{'family':'x'}}", "Patient.name: name repeats (maximum cardinality *) and must be a JSON array, not an object")]
    [InlineData("{'resourceType':'Patient','name':[{'given':'Peter'}]}", "Patient.name[0].given: given repeats (maximum cardinality *) and must be a JSON array, not a string")]
    [InlineData("{'resourceType':'Patient','gender':['male']}", "Patient.gender: gender does not repeat (maximum cardinality 1) and must not be a JSON array")]
    [InlineData("{'resourceType':'Patient','maritalStatus':[{'text':'x'}]}", "Patient.maritalStatus: maritalStatus does not repeat (maximum cardinality 1) and must not be a JSON array")]
    public void Arrays_are_exactly_for_repeating_elements(string json, string expected) => Assert.Equal(expected, Issues(json));

    [Theory]
    [InlineData("{'resourceType':'Observation'}", "Observation.status: status is required (minimum cardinality 1) but missing | Observation.code: code is required (minimum cardinality 1) but missing")]
    [InlineData("{'resourceType':'Patient','link':[{'type':'seealso'}]}", "Patient.link[0].other: other is required (minimum cardinality 1) but missing")]
    [InlineData("{'resourceType':'Patient','extension':[{'valueString':'x'}]}", "Patient.extension[0].url: url is required (minimum cardinality 1) but missing")]
    [InlineData("{'resourceType':'ValueSet','status':'draft','useContext':[{'code':{'code':'focus'}}]}", "ValueSet.useContext[0].value[x]: value[x] is required (minimum cardinality 1) but missing")]
    [InlineData("{'resourceType':'Bundle','type':'collection','entry':[{'resource':{'resourceType':'Observation','status':'final'}}]}", "Bundle.entry[0].resource.code: code is required (minimum cardinality 1) but missing")]
    public void Required_children_of_present_elements_must_be_present(string json, string expected) => Assert.Equal(expected, Issues(json));

    [Theory]
    [InlineData("{'resourceType':'Patient','link':[{'type':'seealso','other':{'reference':'Patient/1'}}]}")]
    [InlineData("{'resourceType':'Observation','_status':{'extension':[{'url':'http://example.org/why','valueString':'unknown'}]},'code':{'text':'x'}}")]
    [InlineData("{'resourceType':'ValueSet','status':'draft','useContext':[{'code':{'code':'focus'},'valueCodeableConcept':{'text':'x'}}]}")]
    public void Required_children_are_satisfied_by_a_value_or_its_extensions(string json) => Assert.Equal(string.Empty, Issues(json));

    [Theory]
    [InlineData("{'resourceType':'Patient','active':'true'}", "Patient.active: boolean must be a JSON boolean, not a string")]
    [InlineData("{'resourceType':'Patient','active':1}", "Patient.active: boolean must be a JSON boolean, not a number")]
    [InlineData("{'resourceType':'Patient','multipleBirthInteger':'2'}", "Patient.multipleBirthInteger: integer must be a JSON number, not a string")]
    [InlineData("{'resourceType':'Patient','birthDate':19900101}", "Patient.birthDate: date must be a JSON string, not a number")]
    [InlineData("{'resourceType':'Patient','gender':true}", "Patient.gender: code must be a JSON string, not a boolean")]
    [InlineData("{'resourceType':'Patient','name':['John']}", "Patient.name[0]: HumanName must be a JSON object, not a string")]
    [InlineData("{'resourceType':'Patient','contact':[true]}", "Patient.contact[0]: Patient.contact must be a JSON object, not a boolean")]
    [InlineData("{'resourceType':'Patient','maritalStatus':{'coding':[{'code':{'value':'M'}}]}}", "Patient.maritalStatus.coding[0].code: code must be a JSON string, not an object")]
    public void Values_have_the_JSON_kind_their_type_requires(string json, string expected) => Assert.Equal(expected, Issues(json));

    [Theory]
    [InlineData("{'resourceType':'Patient','gender':null}", "Patient.gender: null is not allowed in FHIR JSON")]
    [InlineData("{'resourceType':'Patient','maritalStatus':null}", "Patient.maritalStatus: null is not allowed in FHIR JSON")]
    [InlineData("{'resourceType':'Patient','name':[null]}", "Patient.name[0]: null is not allowed in FHIR JSON")]
    [InlineData("{'resourceType':'Patient','name':[{}]}", "Patient.name[0]: empty objects are not allowed in FHIR JSON")]
    [InlineData("{'resourceType':'Patient','maritalStatus':{}}", "Patient.maritalStatus: empty objects are not allowed in FHIR JSON")]
    [InlineData("{'resourceType':'Patient','name':[]}", "Patient.name: empty arrays are not allowed in FHIR JSON")]
    [InlineData("{'resourceType':'Patient','gender':''}", "Patient.gender: empty strings are not allowed in FHIR JSON")]
    [InlineData("{'resourceType':'Patient','name':[{'given':['']}]}", "Patient.name[0].given[0]: empty strings are not allowed in FHIR JSON")]
    public void Nulls_and_empty_objects_arrays_and_strings_are_errors(string json, string expected) => Assert.Equal(expected, Issues(json));

    [Theory]
    [InlineData("{'resourceType':'Patient','birthDate':'1974-12-25','_birthDate':{'extension':[{'url':'http://hl7.org/fhir/StructureDefinition/patient-birthTime','valueDateTime':'1974-12-25T14:35:45-05:00'}]}}")]
    [InlineData("{'resourceType':'Patient','_birthDate':{'id':'b1'}}")]
    [InlineData("{'resourceType':'Patient','name':[{'given':['Peter',null,'James'],'_given':[null,{'extension':[{'url':'http://example.org/x','valueCode':'z'}]},{'id':'j'}]}]}")]
    [InlineData("{'resourceType':'Patient','name':[{'_given':[{'id':'g1'}]}]}")]
    public void Primitive_extensions_pair_with_their_values(string json) => Assert.Equal(string.Empty, Issues(json));

    [Theory]
    [InlineData("{'resourceType':'Patient','_birthDate':{'value':'1990'}}", "Patient.birthDate.value: 'value' is not an element of Element")]
    [InlineData("{'resourceType':'Patient','_birthDate':{'extension':[{'valueString':'x'}]}}", "Patient.birthDate.extension[0].url: url is required (minimum cardinality 1) but missing")]
    [InlineData("{'resourceType':'Patient','_birthDate':'x'}", "Patient.birthDate: Element must be a JSON object, not a string")]
    [InlineData("{'resourceType':'Patient','_birthDate':[{'id':'a'}]}", "Patient.birthDate: _birthDate does not repeat and must not be a JSON array")]
    [InlineData("{'resourceType':'Patient','_name':[{'id':'a'}]}", "Patient.name: _name is only allowed for primitive elements, and name is a HumanName")]
    [InlineData("{'resourceType':'Patient','_contact':[{'id':'a'}]}", "Patient.contact: _contact is only allowed for primitive elements, and contact is a backbone element")]
    [InlineData("{'resourceType':'Patient','name':[{'_given':{'id':'a'}}]}", "Patient.name[0].given: _given pairs with a repeating element and must be a JSON array, not an object")]
    [InlineData("{'resourceType':'Patient','name':[{'given':['Peter',null]}]}", "Patient.name[0].given[1]: null is only allowed in given where _given has an object at the same index")]
    [InlineData("{'resourceType':'Patient','name':[{'given':['Peter','James'],'_given':[null]}]}", "Patient.name[0].given: given has 2 items but _given has 1: they must pair up one to one")]
    [InlineData("{'resourceType':'Patient','name':[{'given':['Peter',null],'_given':[null,null]}]}", "Patient.name[0].given[1]: null is only allowed in given where _given has an object at the same index | Patient.name[0].given[1]: null is only allowed in _given where given has a value at the same index")]
    [InlineData("{'resourceType':'Patient','_birthDate':null}", "Patient.birthDate: Element must be a JSON object, not null")]
    public void Primitive_extensions_are_Elements_beside_primitives(string json, string expected) => Assert.Equal(expected, Issues(json));

    [Theory]
    [InlineData("{'resourceType':'Patient','contained':[{'resourceType':'Observation','id':'o1','status':'final','code':{'text':'x'},'foo':1}]}", "Patient.contained[0].foo: 'foo' is not an element of Observation")]
    [InlineData("{'resourceType':'Patient','contained':[{'id':'x'}]}", "Patient.contained[0]: resourceType is missing: a resource must say which type it is")]
    [InlineData("{'resourceType':'Patient','contained':[{'resourceType':'Foo'}]}", "Patient.contained[0].resourceType: 'Foo' is not a known resource type")]
    [InlineData("{'resourceType':'Patient','contained':['Organization']}", "Patient.contained[0]: a resource must be a JSON object, not a string")]
    [InlineData("{'resourceType':'Bundle','type':'collection','entry':[{'fullUrl':'urn:uuid:53fefa32-fcbb-4ff8-8a92-55ee120877b7'},{'resource':{'resourceType':'Patient','birthDate':'1990-13-01'}}]}", "Bundle.entry[1].resource.birthDate: '1990-13-01' is not a valid date")]
    [InlineData("{'resourceType':'Bundle','type':'batch-response','entry':[{'response':{'status':'400','outcome':{'resourceType':'OperationOutcome','issue':[{'severity':'error'}]}}}]}", "Bundle.entry[0].response.outcome.issue[0].code: code is required (minimum cardinality 1) but missing")]
    [InlineData("{'resourceType':'Parameters','parameter':[{'name':'p','resource':{'resourceType':'Patient','foo':1}}]}", "Parameters.parameter[0].resource.foo: 'foo' is not an element of Patient")]
    public void Contained_and_bundled_resources_are_validated_as_their_own_type(string json, string expected) => Assert.Equal(expected, Issues(json));

    [Fact]
    public void All_issues_are_collected_in_document_order()
    {
        var issues = Issues("{'resourceType':'Patient','id':'a b','gender':'','birthDate':'1990-02-30','name':[{'given':[1]}],'foo':true}");

        Assert.Equal(
            "Patient.id: 'a b' is not a valid id (1 to 64 of A-Z, a-z, 0-9, '-' and '.') | " +
            "Patient.gender: empty strings are not allowed in FHIR JSON | " +
            "Patient.birthDate: '1990-02-30' is not a valid date | " +
            "Patient.name[0].given[0]: string must be a JSON string, not a number | " +
            "Patient.foo: 'foo' is not an element of Patient",
            issues);
    }

    [Fact]
    public void Issues_carry_their_type_severity_and_json_pointer()
    {
        var issue = Assert.Single(Validate("{'resourceType':'Patient','name':[{'family':'x'},{'_given':[{'id':'a'},{'foo':1}]}]}").Issues);

        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.Equal(IssueType.Structure, issue.Code);
        Assert.Equal("Patient.name[1].given[1].foo", issue.Path);
        Assert.Equal("/name/1/_given/1/foo", issue.JsonPointer);
        Assert.Equal("structure", OperationOutcomeCodes.Code(issue.Code));
    }

    [Fact]
    public void The_result_names_the_resource_type()
    {
        Assert.Equal("Patient", Validate("{'resourceType':'Patient','foo':1}").ResourceType);
        Assert.Null(Validate("{'resourceType':'Foo'}").ResourceType);
    }

    [Fact]
    public void An_invalid_result_throws_a_validation_exception_with_every_issue()
    {
        var result = Validate("{'resourceType':'Patient','birthDate':'1990-13-01','gender':''}");

        var exception = Assert.Throws<FhirValidationException>(result.ThrowIfInvalid);

        Assert.Equal(result.Issues, exception.Issues);
        Assert.Equal("The resource is not valid: Patient.birthDate: '1990-13-01' is not a valid date (and 1 more issues)", exception.Message);
    }

    [Fact]
    public void A_valid_result_does_not_throw()
    {
        var result = Validate("{'resourceType':'Patient','birthDate':'1990-12-01'}");

        Assert.True(result.IsValid);
        result.ThrowIfInvalid();
    }
}
