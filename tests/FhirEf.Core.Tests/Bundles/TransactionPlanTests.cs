using FhirEf.Core.Bundles;
using FhirEf.Core.Definitions;
using FhirEf.Core.Errors;

namespace FhirEf.Core.Tests.Bundles;

public sealed class TransactionPlanTests
{
    private static readonly FhirDefinitions Definitions = FhirDefinitions.R4;
    private static readonly ReferenceRewriter Rewriter = new(Definitions.Structures);

    [Fact]
    public void Entries_run_DELETE_then_POST_then_PUT_and_PATCH_then_GET_keeping_bundle_order_within_a_step()
    {
        var bundle = new BundleJsonBuilder("transaction")
            .Entry("GET", "Patient/a")
            .Entry("PUT", "Patient/b", BundleJsonBuilder.Patient("b"))
            .Entry("POST", "Patient", BundleJsonBuilder.Patient())
            .Entry("DELETE", "Patient/c")
            .Entry("PATCH", "Patient/d", new() { ["resourceType"] = "Parameters" })
            .Entry("POST", "Patient", BundleJsonBuilder.Patient())
            .Entry("DELETE", "Patient/e")
            .Build();

        var plan = TransactionPlan.Create(BundleRequest.Read(bundle, 100, null), Definitions.Structures, Rewriter);

        Assert.Equal([3, 6, 2, 5, 1, 4, 0], plan.Ordered.Select(e => e.Request.Index));
    }

    [Fact]
    public void Two_entries_with_one_fullUrl_are_a_bad_request()
    {
        var bundle = new BundleJsonBuilder("transaction")
            .Entry("POST", "Patient", BundleJsonBuilder.Patient(), "urn:uuid:same")
            .Entry("POST", "Patient", BundleJsonBuilder.Patient(), "urn:uuid:same")
            .Build();

        var error = Assert.Throws<InvalidRequestException>(() => TransactionPlan.Create(BundleRequest.Read(bundle, 100, null), Definitions.Structures, Rewriter));

        Assert.Equal("Bundle.entry[1].fullUrl", error.Expression);
    }

    [Theory]
    [InlineData("PUT", "DELETE")]
    [InlineData("PUT", "PUT")]
    [InlineData("PATCH", "DELETE")]
    public void Two_writes_to_one_resource_are_a_bad_request(string first, string second)
    {
        var bundle = new BundleJsonBuilder("transaction")
            .Entry(first, "Patient/x", first == "PATCH" ? new() { ["resourceType"] = "Parameters" } : BundleJsonBuilder.Patient("x"))
            .Entry(second, "Patient/x", second == "PUT" ? BundleJsonBuilder.Patient("x") : null)
            .Build();

        var error = Assert.Throws<InvalidRequestException>(() => TransactionPlan.Create(BundleRequest.Read(bundle, 100, null), Definitions.Structures, Rewriter));

        Assert.Contains("Patient/x", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_resolved_to_one_resource_are_a_bad_request_once_their_ids_are_known()
    {
        var bundle = new BundleJsonBuilder("transaction")
            .Entry("PUT", "Patient?identifier=a|1", BundleJsonBuilder.Patient())
            .Entry("DELETE", "Patient/x")
            .Build();
        var plan = TransactionPlan.Create(BundleRequest.Read(bundle, 100, null), Definitions.Structures, Rewriter);
        plan.Entries[0].Id = "x";

        Assert.Throws<InvalidRequestException>(plan.RequireDistinctTargets);
    }

    [Fact]
    public void Two_conditional_creates_with_the_same_criteria_are_a_bad_request()
    {
        var bundle = new BundleJsonBuilder("transaction")
            .Entry("POST", "Patient", BundleJsonBuilder.Patient(), ifNoneExist: "identifier=a|1")
            .Entry("POST", "Patient", BundleJsonBuilder.Patient(), ifNoneExist: "identifier=a|1")
            .Build();

        Assert.Throws<InvalidRequestException>(() => TransactionPlan.Create(BundleRequest.Read(bundle, 100, null), Definitions.Structures, Rewriter));
    }

    [Theory]
    [InlineData("POST", "Patient/1")]
    [InlineData("PUT", "Patient")]
    [InlineData("DELETE", "Patient")]
    [InlineData("PUT", "Unicorn/1")]
    [InlineData("DELETE", "Patient/1/_history/2")]
    [InlineData("PUT", "Patient/_history")]
    public void Write_with_a_url_a_transaction_cannot_run_is_a_bad_request(string method, string url)
    {
        var bundle = new BundleJsonBuilder("transaction").Entry(method, url, method == "DELETE" ? null : BundleJsonBuilder.Patient("1")).Build();

        var error = Assert.Throws<InvalidRequestException>(() => TransactionPlan.Create(BundleRequest.Read(bundle, 100, null), Definitions.Structures, Rewriter));

        Assert.Equal("Bundle.entry[0].request.url", error.Expression);
    }

    [Fact]
    public void Resource_of_another_type_than_its_url_is_a_bad_request()
    {
        var bundle = new BundleJsonBuilder("transaction").Entry("POST", "Observation", BundleJsonBuilder.Patient()).Build();

        var error = Assert.Throws<InvalidRequestException>(() => TransactionPlan.Create(BundleRequest.Read(bundle, 100, null), Definitions.Structures, Rewriter));

        Assert.Equal("Bundle.entry[0].resource.resourceType", error.Expression);
    }

    [Fact]
    public void Only_creates_that_another_entry_refers_to_are_marked_referenced()
    {
        var bundle = new BundleJsonBuilder("transaction")
            .Entry("POST", "Patient", BundleJsonBuilder.Patient(), "urn:uuid:p")
            .Entry("POST", "Organization", new() { ["resourceType"] = "Organization" }, "urn:uuid:o")
            .Entry("POST", "Observation", BundleJsonBuilder.Observation("urn:uuid:p"), "urn:uuid:obs")
            .Build();

        var plan = TransactionPlan.Create(BundleRequest.Read(bundle, 100, null), Definitions.Structures, Rewriter);

        Assert.Equal([true, false, false], plan.Entries.Select(e => e.Target!.IsReferenced));
        Assert.Equal([false, false, true], plan.Entries.Select(e => e.NeedsRewrite));
    }

    [Fact]
    public void Conditional_references_are_collected_once()
    {
        var bundle = new BundleJsonBuilder("transaction")
            .Entry("POST", "Observation", BundleJsonBuilder.Observation("Patient?identifier=http://x|1"))
            .Entry("POST", "Observation", BundleJsonBuilder.Observation("Patient?identifier=http://x|1"))
            .Build();

        var plan = TransactionPlan.Create(BundleRequest.Read(bundle, 100, null), Definitions.Structures, Rewriter);

        Assert.Equal(["Patient?identifier=http://x|1"], plan.ConditionalReferences);
    }

    [Fact]
    public void Conditional_writes_keep_their_criteria()
    {
        var bundle = new BundleJsonBuilder("transaction")
            .Entry("POST", "Patient", BundleJsonBuilder.Patient(), ifNoneExist: "identifier=a|1")
            .Entry("PUT", "Patient?identifier=b|2", BundleJsonBuilder.Patient())
            .Entry("DELETE", "Patient?identifier=c|3")
            .Build();

        var plan = TransactionPlan.Create(BundleRequest.Read(bundle, 100, null), Definitions.Structures, Rewriter);

        Assert.Equal(["identifier=a|1", "identifier=b|2", "identifier=c|3"], plan.Entries.Select(e => e.Criteria));
        Assert.All(plan.Entries, e => Assert.Null(e.Id));
    }
}
