using FhirEf.EntityFramework.Npgsql.Schema;

namespace FhirEf.EntityFramework.Tests.Schema;

/// <summary>Index definitions compare what PostgreSQL and EF Core write differently as equal, and nothing else.</summary>
public sealed class IndexSnapshotTests
{
    [Theory]
    [InlineData("\"deleted\" = false", "(deleted = false)", true)]
    [InlineData("\"deleted\" = false", "deleted  =  false", true)]
    [InlineData("(a IS NULL) AND (b IS NULL)", "(a IS NULL) AND (b IS NULL)", true)]
    [InlineData("((a IS NULL) AND (b IS NULL))", "(a IS NULL) AND (b IS NULL)", true)]
    [InlineData("\"deleted\" = false", "deleted = true", false)]
    [InlineData("\"deleted\" = false", null, false)]
    public void Predicates_match_regardless_of_quotes_parentheses_and_spaces(string model, string? catalog, bool equal)
    {
        Assert.Equal(equal, Index(model).Definition == Index(catalog).Definition);
    }

    [Fact]
    public void Method_operator_class_uniqueness_and_included_columns_are_part_of_the_definition()
    {
        var index = Index(null);

        Assert.Equal("USING btree (\"id\")", index.Definition);
        Assert.NotEqual(index.Definition, (index with { Method = "gin" }).Definition);
        Assert.NotEqual(index.Definition, (index with { Keys = [new IndexKey("id", OperatorClass: "gin_trgm_ops")] }).Definition);
        Assert.NotEqual(index.Definition, (index with { IsUnique = true }).Definition);
        Assert.NotEqual(index.Definition, (index with { Include = ["projectId"] }).Definition);
        Assert.Equal(index.Definition, (index with { Name = "another_name" }).Definition);
    }

    private static IndexSnapshot Index(string? predicate) =>
        new("Table_id_idx", "btree", [new IndexKey("id")], IsUnique: false, Include: [], predicate);
}
