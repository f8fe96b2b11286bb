namespace FhirEf.EntityFramework.Tests.Search;

/// <summary>
/// The small, hand-made data set the search tests query: every resource has a fixed id (ids are per
/// tenant, and each test class has its own), and each one exists to make some search match or not.
/// </summary>
internal static class SearchData
{
    public static readonly IReadOnlyList<string> Resources =
    [
        """{"resourceType":"Organization","id":"org1","name":"Acme Hospital","identifier":[{"system":"http://acme.org/org","value":"ACME"}],"partOf":{"reference":"Organization/org2"}}""",
        """{"resourceType":"Organization","id":"org2","name":"Beta Clinic","partOf":{"reference":"Organization/org1"}}""",
        """{"resourceType":"Practitioner","id":"pr1","name":[{"family":"Who","given":["Doctor"]}],"gender":"male"}""",
        """
        {"resourceType":"Patient","id":"a","active":true,"gender":"male","birthDate":"1980-05-12",
         "meta":{"tag":[{"system":"urn:test","code":"vip"}],"profile":["http://example.org/StructureDefinition/patient-a"],"source":"urn:source:a"},
         "text":{"status":"generated","div":"<div xmlns=\"http://www.w3.org/1999/xhtml\">John Smith, a keen gardener</div>"},
         "name":[{"family":"Smith","given":["John","Jacob"]}],
         "identifier":[{"system":"http://hospital.org/mrn","value":"111","type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"MR"}]}}],
         "telecom":[{"system":"phone","value":"555-1111"},{"system":"email","value":"john@example.org"}],
         "address":[{"city":"Boston","state":"MA","postalCode":"02110","country":"US"}],
         "managingOrganization":{"reference":"Organization/org1"},
         "generalPractitioner":[{"reference":"Practitioner/pr1"}]}
        """,
        """
        {"resourceType":"Patient","id":"b","active":true,"gender":"female","birthDate":"1980-05",
         "name":[{"family":"Smíth","given":["Jane"]}],
         "identifier":[{"system":"http://hospital.org/mrn","value":"222"}],
         "address":[{"city":"Cambridge","state":"MA"}],
         "managingOrganization":{"reference":"Organization/org2"}}
        """,
        """
        {"resourceType":"Patient","id":"c","active":false,"gender":"female","birthDate":"1975",
         "name":[{"family":"Smithers","given":["Maggie"]}],
         "deceasedDateTime":"2015-02-03T10:00:00+02:00"}
        """,
        """{"resourceType":"Patient","id":"d","gender":"other","name":[{"text":"Jones the Baker","family":"Jones"}],"link":[{"other":{"reference":"Patient/a"},"type":"seealso"}]}""",
        """
        {"resourceType":"Observation","id":"o1","status":"final",
         "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"vital-signs"}]}],
         "code":{"coding":[{"system":"http://loinc.org","code":"8867-4","display":"Heart rate"}],"text":"Heart rate"},
         "subject":{"reference":"Patient/a"},"performer":[{"reference":"Practitioner/pr1"}],
         "effectiveDateTime":"2020-01-01T10:00:00Z",
         "valueQuantity":{"value":80,"unit":"beats/minute","system":"http://unitsofmeasure.org","code":"/min"}}
        """,
        """
        {"resourceType":"Observation","id":"o2","status":"final",
         "code":{"coding":[{"system":"http://loinc.org","code":"8480-6","display":"Systolic blood pressure"}]},
         "subject":{"reference":"Patient/b"},
         "effectivePeriod":{"start":"2020-01-01","end":"2020-01-05"},
         "valueQuantity":{"value":120.5,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}}
        """,
        """
        {"resourceType":"Observation","id":"o3","status":"final",
         "code":{"coding":[{"system":"http://loinc.org","code":"85354-9","display":"Blood pressure panel"}]},
         "subject":{"reference":"Patient/c"},"effectiveDateTime":"2021-06-15",
         "component":[
           {"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},"valueQuantity":{"value":140,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}},
           {"code":{"coding":[{"system":"http://loinc.org","code":"8462-4"}]},"valueQuantity":{"value":90,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}}]}
        """,
        """
        {"resourceType":"Observation","id":"o4","status":"preliminary",
         "code":{"text":"Free text only"},
         "subject":{"reference":"Patient/a"},"encounter":{"reference":"Encounter/e1"},
         "valueString":"Positive"}
        """,
        """{"resourceType":"Encounter","id":"e1","status":"finished","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},"subject":{"reference":"Patient/a"},"period":{"start":"2020-01-01T09:00:00Z","end":"2020-01-01T11:00:00Z"}}""",
        """{"resourceType":"RiskAssessment","id":"r1","status":"final","subject":{"reference":"Patient/a"},"prediction":[{"probabilityDecimal":0.8}]}""",
        """{"resourceType":"RiskAssessment","id":"r2","status":"final","subject":{"reference":"Patient/b"},"prediction":[{"probabilityDecimal":0.25}]}""",
        """{"resourceType":"DiagnosticReport","id":"dr1","status":"final","code":{"text":"Panel"},"subject":{"reference":"Patient/a"},"result":[{"reference":"Observation/o1"}]}""",
        """{"resourceType":"QuestionnaireResponse","id":"qr1","status":"completed","questionnaire":"http://example.org/Questionnaire/intake|1.0","subject":{"reference":"Patient/b"}}""",
        """{"resourceType":"QuestionnaireResponse","id":"qr2","status":"completed","questionnaire":"http://example.org/Questionnaire/intake|2.0","subject":{"reference":"Patient/b"}}""",
        """{"resourceType":"QuestionnaireResponse","id":"qr3","status":"in-progress","questionnaire":"http://example.org/Questionnaire/other","subject":{"reference":"Patient/c"}}""",
        """{"resourceType":"ValueSet","id":"vs1","status":"active","url":"http://example.org/fhir/ValueSet/colors","version":"1.0"}""",
        """{"resourceType":"ValueSet","id":"vs2","status":"active","url":"http://example.org/fhir/ValueSet/colors/light"}""",
    ];
}
