using System.Text.Json;
using FhirEf.Core.Bundles;
using FhirEf.Core.Errors;

namespace FhirEf.Core.Tests.Bundles;

public sealed class BundleRequestTests
{
    [Fact]
    public void Transaction_entries_keep_their_position_method_url_fullUrl_and_conditions()
    {
        var bundle = new BundleJsonBuilder("transaction")
            .Entry("POST", "Patient", BundleJsonBuilder.Patient(), "urn:uuid:1", ifNoneExist: "identifier=a|1")
            .Entry("DELETE", "Observation/9")
            .Build();

        var request = BundleRequest.Read(bundle, 10, null);

        Assert.Equal(BundleKind.Transaction, request.Kind);
        Assert.Collection(
            request.Entries,
            e =>
            {
                Assert.Equal((0, BundleEntryMethod.Post, "urn:uuid:1", "identifier=a|1"), (e.Index, e.Method, e.FullUrl, e.IfNoneExist));
                Assert.True(e.HasResource);
            },
            e =>
            {
                Assert.Equal((1, BundleEntryMethod.Delete, "Observation|9"), (e.Index, e.Method, string.Join('|', e.Url.Segments)));
                Assert.False(e.HasResource);
            });
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient"}""", "resourceType")]
    [InlineData("""{"resourceType":"Bundle","type":"collection"}""", "Bundle.type")]
    [InlineData("""{"resourceType":"Bundle"}""", "Bundle.type")]
    [InlineData("""{"resourceType":"Bundle","type":"batch","entry":[{"resource":{"resourceType":"Patient"}}]}""", "Bundle.entry[0].request")]
    [InlineData("""{"resourceType":"Bundle","type":"batch","entry":[{"request":{"url":"Patient"}}]}""", "Bundle.entry[0].request.method")]
    [InlineData("""{"resourceType":"Bundle","type":"batch","entry":[{"request":{"method":"POST"}}]}""", "Bundle.entry[0].request.url")]
    [InlineData("""{"resourceType":"Bundle","type":"batch","entry":[{"request":{"method":"PUT","url":"Patient/1"}}]}""", "Bundle.entry[0].resource")]
    [InlineData("""{"resourceType":"Bundle","type":"batch","entry":[{"request":{"method":"FETCH","url":"Patient/1"}}]}""", "Bundle.entry[0].request.method")]
    public void Bundle_that_is_no_batch_or_transaction_is_a_bad_request_that_names_the_element(string json, string expression)
    {
        using var document = JsonDocument.Parse(json);

        var error = Assert.Throws<InvalidRequestException>(() => BundleRequest.Read(document.RootElement, 10, null));

        Assert.Equal(expression, error.Expression);
    }

    [Fact]
    public void More_entries_than_the_limit_is_refused_before_any_entry_is_read()
    {
        var builder = new BundleJsonBuilder("batch");
        for (var i = 0; i < 4; i++)
        {
            builder.Entry("GET", $"Patient/{i}");
        }

        var error = Assert.Throws<BundleTooLargeException>(() => BundleRequest.Read(builder.Build(), 3, null));

        Assert.Equal((4, 3), (error.Entries, error.Limit));
    }

    [Fact]
    public void Bundle_without_entries_is_an_empty_request()
    {
        using var document = JsonDocument.Parse("""{"resourceType":"Bundle","type":"transaction"}""");

        Assert.Empty(BundleRequest.Read(document.RootElement, 10, null).Entries);
    }
}
