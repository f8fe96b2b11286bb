using FhirEf.Core.Definitions;
using FhirEf.Core.Indexing;

namespace FhirEf.Core.Tests.Indexing;

/// <summary>The indexer version is a fingerprint of the SearchParameters: it changes with them, and only with them.</summary>
public sealed class IndexerVersionTests
{
    private static readonly IReadOnlyList<SearchParameterInfo> R4 = [.. FhirDefinitions.R4.SearchParameters.All];

    private static readonly SearchParameterInfo MaritalStatus = new()
    {
        Url = "https://fhiref.example/SearchParameter/Patient-marital-status",
        Code = "marital-status",
        Type = SearchParamType.Token,
        Base = ["Patient"],
        Expression = "Patient.maritalStatus",
    };

    [Fact]
    public void The_same_parameters_in_any_order_give_the_same_positive_version()
    {
        var version = IndexerVersion.Compute(R4);

        Assert.InRange(version, 1, int.MaxValue);
        Assert.Equal(version, IndexerVersion.Compute(R4.Reverse()));
        Assert.Equal(version, new SearchIndexer(FhirDefinitions.R4).Version);
    }

    [Fact]
    public void Adding_a_search_parameter_changes_the_version()
    {
        Assert.NotEqual(IndexerVersion.Compute(R4), IndexerVersion.Compute([.. R4, MaritalStatus]));
    }

    [Fact]
    public void Changing_what_a_parameter_extracts_changes_the_version_but_its_documentation_does_not()
    {
        var before = IndexerVersion.Compute([.. R4, MaritalStatus]);

        Assert.NotEqual(before, IndexerVersion.Compute([.. R4, MaritalStatus with { Expression = "Patient.maritalStatus.coding" }]));
        Assert.NotEqual(before, IndexerVersion.Compute([.. R4, MaritalStatus with { Base = ["Patient", "Person"] }]));
        Assert.NotEqual(before, IndexerVersion.Compute([.. R4, MaritalStatus with { Type = SearchParamType.String }]));
        Assert.Equal(before, IndexerVersion.Compute([.. R4, MaritalStatus with { Description = "Marital status, documented" }]));
    }
}
