using FhirEf.Core.Indexing;
using FhirEf.Core.Definitions;
using static FhirEf.Core.Tests.Indexing.IndexerHarness;

namespace FhirEf.Core.Tests.Indexing;

/// <summary>The per-type plans: which parameters are extracted, and the union branches each type evaluates.</summary>
public sealed class IndexPlanTests
{
    [Theory]
    [InlineData("Observation", "patient", "Observation.subject.where((resolve() is Patient))")]
    [InlineData("AllergyIntolerance", "patient", "AllergyIntolerance.patient")]
    [InlineData("Observation", "date", "Observation.effective")]
    [InlineData("Observation", "value-quantity", "(Observation.value as Quantity) | (Observation.value as SampledData)")]
    [InlineData("Patient", "_id", "Resource.id")]
    [InlineData("Patient", "given", "Patient.name.given")]
    [InlineData("Practitioner", "given", "Practitioner.name.given")]
    public void Each_type_evaluates_only_its_own_union_branches(string resourceType, string code, string expression)
    {
        var plan = Indexer.PlanFor(resourceType).Parameters.Single(p => p.Code == code);

        Assert.Equal(expression, plan.Expression.Text);
    }

    [Theory]
    [InlineData("Observation", "code", true)]
    [InlineData("Observation", "value-quantity", true)]
    [InlineData("Patient", "deceased", false)]
    [InlineData("Observation", "combo-code", true)]
    [InlineData("Observation", "patient", false)]
    public void Plain_paths_are_walked_without_the_engine(string resourceType, string code, bool walked)
    {
        var plan = Indexer.PlanFor(resourceType).Parameters.Single(p => p.Code == code);

        Assert.All(plan.Expression.Branches, branch => Assert.Equal(walked, branch.Path is not null));
    }

    [Fact]
    public void Composite_components_are_planned_with_their_own_parameters()
    {
        var plan = Indexer.PlanFor("Observation").Parameters.Single(p => p.Code == "code-value-date");

        Assert.Equal("Observation", plan.Expression.Text);
        Assert.Equal(
            [("code", "code"), ("value-date", "value.as(dateTime) | value.as(Period)")],
            plan.Components.Select(c => (c.Parameter.Code, c.Expression.Text)));
        Assert.All(plan.Components.SelectMany(c => c.Expression.Branches), branch => Assert.NotNull(branch.Path));
    }

    [Fact]
    public void Every_stored_parameter_is_planned_and_full_text_comes_from_the_narrative_and_content()
    {
        var plan = Indexer.PlanFor("Patient");
        var expected = FhirDefinitions.R4.SearchParameters.ForResource("Patient").Values
            .Where(p => p.Expression is not null && p.Code is not ("_text" or "_content" or "_query"))
            .Select(p => p.Code)
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, plan.Parameters.Select(p => p.Code));
        Assert.True(plan.IndexesNarrative);
        Assert.True(plan.IndexesContent);
        Assert.Empty(plan.Issues);
    }

    [Theory]
    [InlineData("Patient", "deceased", null)]
    [InlineData("Observation", "patient", "subject")]
    [InlineData("Observation", "value-quantity", "value")]
    [InlineData("Patient", "_id", "id")]
    public void A_branch_is_skipped_when_the_resource_lacks_its_first_element_unless_it_computes_from_nothing(string resourceType, string code, string? firstElement)
    {
        var plan = Indexer.PlanFor(resourceType).Parameters.Single(p => p.Code == code);

        Assert.All(plan.Expression.Branches, branch => Assert.Equal(firstElement, branch.FirstElement));
    }

    [Fact]
    public void The_indexer_version_is_stored_with_every_result()
    {
        var indexed = Index("{'resourceType': 'Patient', 'id': 'p'}");

        Assert.Equal(IndexerVersion.Compute(FhirDefinitions.R4.SearchParameters.All), Indexer.Version);
        Assert.Equal(Indexer.Version, indexed.IndexerVersion);
        Assert.Equal(("Patient", "p"), (indexed.ResourceType, indexed.Id));
    }
}
