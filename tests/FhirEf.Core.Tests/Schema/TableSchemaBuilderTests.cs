using System.Text;
using FhirEf.Core.Definitions;
using FhirEf.Core.Schema;
using FhirEf.Core.Schema.Storage;
using Xunit.Abstractions;

namespace FhirEf.Core.Tests.Schema;

public sealed class TableSchemaBuilderTests(ITestOutputHelper output)
{
    private static readonly FhirSchema Schema = FhirSchema.R4;

    [Fact]
    public void Every_concrete_resource_type_gets_its_three_tables_and_the_lookups_are_shared()
    {
        output.WriteLine($"{Schema.Resources.Count} resource types, {Schema.Tables.Count} tables, " +
            $"{Schema.Tables.Sum(t => t.Columns.Count)} columns, {Schema.Tables.Sum(t => t.Indexes.Count + 1)} indexes (with primary keys)");

        Assert.Equal(FhirDefinitions.R4.Structures.ResourceTypes, Schema.Resources.Select(r => r.ResourceType));
        Assert.Equal(146, Schema.Resources.Count);
        Assert.Equal(146 * 3 + 4, Schema.Tables.Count);
        Assert.Equal(["HumanName", "Address", "ContactPoint", "Identifier"], Schema.Lookups.Select(l => l.Name));
    }

    [Fact]
    public void Identifiers_fit_PostgreSQL_and_index_names_are_unique_across_the_schema()
    {
        var indexNames = Schema.Tables.SelectMany(t => t.Indexes).Select(i => i.Name).ToList();
        var identifiers = Schema.Tables.Select(t => t.Name).Concat(Schema.Tables.SelectMany(t => t.Columns).Select(c => c.Name)).Concat(indexNames);

        Assert.All(identifiers, name => Assert.True(Encoding.UTF8.GetByteCount(name) <= SchemaNames.MaxIdentifierLength, name));
        Assert.Equal(indexNames.Count, indexNames.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Main_tables_start_with_the_fixed_columns_and_Binary_has_no_compartments()
    {
        var patient = Schema.Resource("Patient").Main;

        Assert.Equal(
            ["projectId", "id", "versionId", "lastUpdated", "deleted", "content", "__version", "_source", "_profile", "compartments", "__referenceIdentifiers"],
            patient.Columns.Take(11).Select(c => c.Name));
        Assert.Equal(["projectId", "id"], patient.PrimaryKey);
        Assert.Equal(64, patient.Column("id").MaxLength);
        Assert.True(Schema.Resource("Patient").HasCompartments);
        Assert.False(Schema.Resource("Binary").HasCompartments);
    }

    [Theory]
    [InlineData("Patient", "name", "StringStorage", "name,nameExact")]
    [InlineData("Patient", "birthdate", "DateStorage", "birthdateStart,birthdateEnd")]
    [InlineData("Patient", "gender", "TokenStorage", "gender,genderText,genderSort")]
    [InlineData("Patient", "_tag", "TokenStorage", "_tag,_tagText,_tagSort")]
    [InlineData("Patient", "general-practitioner", "ReferenceStorage", "generalPractitioner")]
    [InlineData("Observation", "value-quantity", "QuantityStorage", "valueQuantityLow,valueQuantityHigh,valueQuantityUnits")]
    [InlineData("Observation", "code-value-quantity", "CompositeStorage", "codeValueQuantity")]
    [InlineData("RiskAssessment", "probability", "NumberStorage", "probabilityLow,probabilityHigh")]
    [InlineData("ValueSet", "url", "UriStorage", "url")]
    [InlineData("Patient", "_text", "FullTextStorage", "_text")]
    [InlineData("Patient", "_content", "FullTextStorage", "_content")]
    [InlineData("Patient", "_id", "IdStorage", "")]
    [InlineData("Patient", "_lastUpdated", "DateStorage", "")]
    public void Each_parameter_type_gets_its_strategy_columns(string resourceType, string code, string strategy, string columns)
    {
        Assert.True(Schema.Resource(resourceType).TryGetStorage(code, out var storage));

        Assert.Equal(strategy, storage.GetType().Name);
        Assert.Equal(columns, string.Join(",", storage.OwnColumns.Select(c => c.Name)));
        Assert.All(storage.OwnColumns, c => Assert.True(Schema.Resource(resourceType).Main.TryGetColumn(c.Name, out _)));
    }

    [Fact]
    public void Only_Location_near_and_query_are_unsupported()
    {
        var unsupported = Schema.Resources
            .SelectMany(r => r.Parameters.Values.OfType<UnsupportedStorage>().Select(s => $"{r.ResourceType}.{s.Parameter.Code}"))
            .Where(name => !name.EndsWith("._query", StringComparison.Ordinal));

        Assert.Equal(["Location.near"], unsupported);
    }

    [Fact]
    public void Search_columns_have_the_indexes_of_their_strategy()
    {
        var observation = Schema.Resource("Observation").Main;

        Assert.Contains(observation.Indexes, i => i.Columns.SequenceEqual(["code"]) && i.Method == IndexMethod.Gin && i.Operators is null);
        Assert.Contains(observation.Indexes, i => i.Columns.SequenceEqual(["codeText"]) && i.Operators == "gin_trgm_ops");
        Assert.Contains(observation.Indexes, i => i.Columns.SequenceEqual(["dateStart"]) && i.Method == IndexMethod.BTree);
        Assert.Contains(observation.Indexes, i => i.Columns.SequenceEqual(["codeValueQuantity"]) && i.Operators == "jsonb_path_ops");
        Assert.Contains(observation.Indexes, i => i.Columns.SequenceEqual(["compartments"]) && i.Method == IndexMethod.Gin);
        Assert.Contains(observation.Indexes, i => i.Columns.SequenceEqual(["projectId", "lastUpdated"]));
        Assert.Contains(observation.Indexes, i => i.Filter == "\"deleted\" = false" && i.Columns[0] == "__version");
        Assert.Contains(Schema.Resource("Observation").References.Indexes, i => i.Columns.Take(2).SequenceEqual(["targetId", "code"]) && i.Include!.SequenceEqual(["resourceId"]));
    }
}
