using static FhirEf.Core.Tests.Indexing.IndexerHarness;

namespace FhirEf.Core.Tests.Indexing;

/// <summary>Compartment membership (compartmentdefinition.html): literal references through the parameters each definition names, and a resource's own compartment.</summary>
public sealed class CompartmentTests
{
    [Theory]
    // subject Patient and performer Practitioner: both compartments; encounter: the Encounter compartment
    [InlineData("{'resourceType': 'Observation', 'id': 'o', 'status': 'final', 'code': {'text': 'x'}, 'subject': {'reference': 'Patient/p1'}, 'performer': [{'reference': 'Practitioner/d1'}, {'reference': 'Organization/org1'}], 'encounter': {'reference': 'Encounter/e1'}}", "Encounter/e1 Patient/p1 Practitioner/d1")]
    // a performer that is a patient (or a related person) puts the observation in that compartment too
    [InlineData("{'resourceType': 'Observation', 'id': 'o', 'status': 'final', 'code': {'text': 'x'}, 'subject': {'reference': 'Patient/p1'}, 'performer': [{'reference': 'Patient/p1'}, {'reference': 'RelatedPerson/r1'}]}", "Patient/p1 RelatedPerson/r1")]
    // a device subject: the Device compartment
    [InlineData("{'resourceType': 'Observation', 'id': 'o', 'status': 'final', 'code': {'text': 'x'}, 'subject': {'reference': 'Device/dev1'}}", "Device/dev1")]
    // absolute references under this server's base count; others, logical and contained ones do not
    [InlineData("{'resourceType': 'Observation', 'id': 'o', 'status': 'final', 'code': {'text': 'x'}, 'subject': {'reference': 'https://fhir.example.org/r4/Patient/p1'}}", "Patient/p1")]
    [InlineData("{'resourceType': 'Observation', 'id': 'o', 'status': 'final', 'code': {'text': 'x'}, 'subject': {'reference': 'http://elsewhere.example.org/Patient/p1'}}", "")]
    [InlineData("{'resourceType': 'Observation', 'id': 'o', 'status': 'final', 'code': {'text': 'x'}, 'subject': {'identifier': {'value': 'A-7'}, 'type': 'Patient'}}", "")]
    [InlineData("{'resourceType': 'Observation', 'id': 'o', 'status': 'final', 'code': {'text': 'x'}, 'contained': [{'resourceType': 'Patient', 'id': 'p1'}], 'subject': {'reference': '#p1'}}", "")]
    // an Encounter is in its own Encounter compartment ({def})
    [InlineData("{'resourceType': 'Encounter', 'id': 'e1', 'status': 'finished', 'class': {'code': 'AMB'}, 'subject': {'reference': 'Patient/p1'}, 'participant': [{'individual': {'reference': 'Practitioner/d1'}}]}", "Encounter/e1 Patient/p1 Practitioner/d1")]
    // a Patient is in its own compartment, and in those of the patients it links to and its practitioners
    [InlineData("{'resourceType': 'Patient', 'id': 'p1', 'link': [{'other': {'reference': 'Patient/p0'}, 'type': 'replaces'}], 'generalPractitioner': [{'reference': 'Practitioner/d1'}]}", "Patient/p0 Patient/p1 Practitioner/d1")]
    // a Device is in its own compartment, though the Device definition does not list Device; the Patient definition leaves Device out
    [InlineData("{'resourceType': 'Device', 'id': 'dev1', 'patient': {'reference': 'Patient/p1'}}", "Device/dev1")]
    // a resource without an id has no compartment of its own
    [InlineData("{'resourceType': 'Practitioner'}", "")]
    public void A_resource_is_in_the_compartments_its_references_name(string resource, string expected)
    {
        var indexed = Index(resource);

        Assert.Equal(expected, string.Join(" ", indexed.Compartments.Order(StringComparer.Ordinal)));
        Assert.Equal(indexed.Compartments.Count, indexed.Compartments.Distinct().Count());
    }
}
