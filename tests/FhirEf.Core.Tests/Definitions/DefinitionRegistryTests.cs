using FhirEf.Core.Definitions;
using Xunit.Abstractions;

namespace FhirEf.Core.Tests.Definitions;

public sealed class DefinitionRegistryTests(ITestOutputHelper output)
{
    private static readonly FhirDefinitions R4 = FhirDefinitions.R4;

    [Fact]
    public void The_pinned_R4_definitions_load_without_issues()
    {
        output.WriteLine($"Loaded {R4.Structures.ResourceTypes.Count} resource types, {R4.SearchParameters.All.Count()} search parameters in {R4.LoadTime.TotalMilliseconds:0} ms");

        Assert.Empty(R4.Issues);
        Assert.Equal(146, R4.Structures.ResourceTypes.Count);
        Assert.Equal(1375, R4.SearchParameters.All.Count(p => p.Url.StartsWith("http://hl7.org/fhir/SearchParameter/", StringComparison.Ordinal)));
        Assert.True(R4.SearchParameters.TryGet("Observation", "interpretation", out var platform));
        Assert.Equal("https://fhiref.dev/fhir/SearchParameter/Observation-interpretation", platform.Url);
        Assert.Equal(["Device", "Encounter", "Patient", "Practitioner", "RelatedPerson"], R4.Compartments.All.Select(c => c.Code));
    }

    [Theory]
    [InlineData("Patient", true)]
    [InlineData("Observation", true)]
    [InlineData("Resource", false)]
    [InlineData("DomainResource", false)]
    [InlineData("HumanName", false)]
    [InlineData("MetadataResource", false)]
    public void Concrete_resource_types_are_known(string name, bool concrete) =>
        Assert.Equal(concrete, R4.Structures.IsConcreteResourceType(name));

    [Theory]
    [InlineData("Patient", "DomainResource", true)]
    [InlineData("Patient", "Resource", true)]
    [InlineData("Bundle", "DomainResource", false)]
    [InlineData("Age", "Quantity", true)]
    [InlineData("code", "string", true)]
    [InlineData("positiveInt", "integer", true)]
    [InlineData("Quantity", "Age", false)]
    public void Subtypes_follow_the_base_definitions(string type, string baseType, bool expected) =>
        Assert.Equal(expected, R4.Structures.IsSubtypeOf(type, baseType));

    [Fact]
    public void Choice_elements_resolve_from_their_json_names()
    {
        var observation = R4.Structures.GetType("Observation").Root;

        Assert.True(R4.Structures.TryResolveJsonProperty(observation, "valueQuantity", out var value, out var type));
        Assert.Equal("Observation.value[x]", value.Path);
        Assert.Equal("Quantity", type);
        Assert.True(value.IsChoice);
        Assert.Equal("value", value.Name);
        Assert.Equal(11, value.Types.Count);
        Assert.True(R4.Structures.TryResolveJsonProperty(observation, "effectiveDateTime", out _, out var effectiveType));
        Assert.Equal("dateTime", effectiveType);
        Assert.False(R4.Structures.TryResolveJsonProperty(observation, "valueFoo", out _, out _));
    }

    [Fact]
    public void Children_come_from_backbone_elements_types_and_content_references()
    {
        var structures = R4.Structures;
        var patient = structures.GetType("Patient").Root;
        Assert.True(structures.TryGetChild(patient, "name", out var name));
        Assert.True(name.IsCollection);
        Assert.Equal("HumanName", Assert.Single(name.Types).Code);
        Assert.True(structures.TryGetChild(name, "family", out var family));
        Assert.Equal("HumanName.family", family.Path);

        var component = structures.GetType("Observation").Root.Children.Single(c => c.Name == "component");
        Assert.True(component.HasOwnChildren);
        Assert.True(structures.TryGetChild(component, "value", out var componentValue));
        Assert.Equal("Observation.component.value[x]", componentValue.Path);

        Assert.True(structures.GetType("Questionnaire").TryGetElement("Questionnaire.item.item", out var nested));
        Assert.Equal("#Questionnaire.item", nested.ContentReference);
        Assert.True(structures.TryGetChild(nested, "linkId", out var linkId));
        Assert.Equal("Questionnaire.item.linkId", linkId.Path);
    }

    [Fact]
    public void System_typed_ids_map_back_to_their_FHIR_type()
    {
        // R4's snapshots type Resource.id as System.String with fhir-type "string" (the id syntax is checked on its own).
        Assert.True(R4.Structures.GetType("Patient").TryGetElement("Patient.id", out var id));
        Assert.Equal("string", Assert.Single(id.Types).Code);
        Assert.True(R4.Structures.GetType("HumanName").TryGetElement("HumanName.id", out var elementId));
        Assert.Equal("string", Assert.Single(elementId.Types).Code);
    }

    [Theory]
    [InlineData("Patient", "_id", SearchParamType.Token)]
    [InlineData("Patient", "_lastUpdated", SearchParamType.Date)]
    [InlineData("Patient", "_text", SearchParamType.String)]
    [InlineData("Patient", "name", SearchParamType.String)]
    [InlineData("Patient", "birthdate", SearchParamType.Date)]
    [InlineData("Observation", "code-value-quantity", SearchParamType.Composite)]
    [InlineData("Observation", "value-quantity", SearchParamType.Quantity)]
    [InlineData("Observation", "subject", SearchParamType.Reference)]
    [InlineData("Bundle", "_id", SearchParamType.Token)]
    public void Search_parameters_apply_to_their_bases_and_subtypes(string resourceType, string code, SearchParamType type)
    {
        Assert.True(R4.SearchParameters.TryGet(resourceType, code, out var parameter));
        Assert.Equal(type, parameter.Type);
    }

    [Fact]
    public void DomainResource_parameters_do_not_apply_to_Bundle() =>
        Assert.False(R4.SearchParameters.TryGet("Bundle", "_text", out _));

    [Fact]
    public void Composite_parameters_name_their_components()
    {
        Assert.True(R4.SearchParameters.TryGet("Observation", "code-value-quantity", out var composite));

        Assert.Equal(2, composite.Components.Count);
        Assert.True(R4.SearchParameters.TryGetByUrl(composite.Components[0].Definition, out var code));
        Assert.Equal("code", code.Code);
        Assert.True(R4.SearchParameters.TryGetByUrl(composite.Components[1].Definition + "|4.0.1", out var value));
        Assert.Equal("value-quantity", value.Code);
    }

    [Fact]
    public void Compartments_name_the_parameters_of_each_member_type()
    {
        var observationInPatient = R4.Compartments.For("Observation").Single(c => c.Compartment.Code == "Patient");

        Assert.Equal(["subject", "performer"], observationInPatient.Parameters);
        Assert.Contains(R4.Compartments.For("Observation"), c => c.Compartment.Code == "Encounter");
    }
}
