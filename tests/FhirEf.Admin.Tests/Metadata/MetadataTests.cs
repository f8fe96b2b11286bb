using FhirEf.Admin.Tests.Infrastructure;
using FhirEf.Core.Schema;
using Microsoft.OData.Edm;

namespace FhirEf.Admin.Tests.Metadata;

/// <summary><c>$metadata</c> is generated from the schema and is valid CSDL for Microsoft.OData.Edm's reader.</summary>
public sealed class MetadataTests(SyntheaServer server) : IClassFixture<SyntheaServer>
{
    [Fact]
    public async Task Metadata_loads_in_CsdlReader_with_an_entity_set_per_table()
    {
        var model = await ModelAsync();

        var sets = model.EntityContainer.EntitySets().Select(s => s.Name).ToHashSet();
        Assert.Equal(FhirSchema.R4.Tables.Select(t => t.Name).ToHashSet(), sets);
    }

    [Theory]
    [InlineData("Patient", "id", "Edm.String")]
    [InlineData("Patient", "versionId", "Edm.Int32")]
    [InlineData("Patient", "lastUpdated", "Edm.DateTimeOffset")]
    [InlineData("Patient", "projectId", "Edm.String")]
    [InlineData("Patient", "birthdateStart", "Edm.DateTimeOffset")]
    [InlineData("Patient", "gender", "Collection(Edm.String)")]
    [InlineData("Patient", "genderSort", "Edm.String")]
    [InlineData("Observation", "valueQuantityLow", "Edm.Decimal")]
    [InlineData("Observation", "valueQuantityUnits", "Collection(Edm.String)")]
    [InlineData("Patient", "Resource", "Edm.Stream")]
    [InlineData("Patient_History", "method", "Edm.String")]
    [InlineData("HumanName", "family", "Edm.String")]
    public async Task Entity_types_expose_typed_columns(string set, string property, string type)
    {
        var model = await ModelAsync();

        var entityType = model.EntityContainer.FindEntitySet(set).EntityType();
        Assert.Equal(type, entityType.FindProperty(property)?.Type.FullName());
    }

    [Fact]
    public async Task Internal_columns_are_not_exposed_and_the_key_is_the_id()
    {
        var model = await ModelAsync();

        var patient = model.EntityContainer.FindEntitySet("Patient").EntityType();
        Assert.Null(patient.FindProperty("content"));
        Assert.Null(patient.FindProperty("__version"));
        Assert.Null(patient.FindProperty("_content"));
        Assert.Equal(["id"], patient.Key().Select(k => k.Name));
    }

    [Theory]
    [InlineData("Observation", "subject_Patient", "Patient")]
    [InlineData("Observation", "subject_Group", "Group")]
    [InlineData("Observation", "encounter_Encounter", "Encounter")]
    [InlineData("Patient", "generalPractitioner_Practitioner", "Practitioner")]
    [InlineData("Encounter", "serviceProvider_Organization", "Organization")]
    public async Task Reference_parameters_are_collection_navigations_bound_to_the_target_set(string set, string navigation, string target)
    {
        var model = await ModelAsync();

        var entitySet = model.EntityContainer.FindEntitySet(set);
        var property = Assert.IsAssignableFrom<IEdmNavigationProperty>(entitySet.EntityType().FindProperty(navigation));
        Assert.Equal($"Collection(FhirEf.{target})", property.Type.FullName());
        Assert.Equal(target, entitySet.FindNavigationTarget(property).Name);
    }

    [Fact]
    public async Task History_and_lookup_sets_have_no_navigations()
    {
        var model = await ModelAsync();

        Assert.Empty(model.EntityContainer.FindEntitySet("Observation_History").EntityType().NavigationProperties());
        Assert.Empty(model.EntityContainer.FindEntitySet("HumanName").EntityType().NavigationProperties());
    }

    private Task<IEdmModel> ModelAsync() => server.AdminOf(server.ProjectA).ModelAsync();
}
