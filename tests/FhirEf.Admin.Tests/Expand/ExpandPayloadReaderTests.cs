using FhirEf.Admin.Tests.Infrastructure;
using Microsoft.OData;
using Microsoft.OData.Edm;

namespace FhirEf.Admin.Tests.Expand;

/// <summary>
/// An expanded response read back by Microsoft.OData.Core's <see cref="ODataMessageReader"/> against the
/// model from <c>$metadata</c>: the reader enforces the OData JSON format (context URL, nested resource sets
/// under declared navigations, typed values), so a payload it accepts is well formed.
/// </summary>
public sealed class ExpandPayloadReaderTests(SyntheaServer server) : IClassFixture<SyntheaServer>
{
    [Fact]
    public async Task Expanded_page_reads_back_with_ODataMessageReader()
    {
        var client = server.AdminOf(server.ProjectA);
        var model = await client.ModelAsync();
        using var response = await client.GetAsync(new Uri("/odata/Observation?$top=20&$select=id&$expand=subject_Patient($select=id,birthdateStart),encounter_Encounter($select=id)", UriKind.Relative));
        var message = new ResponseMessage(await response.Content.ReadAsStreamAsync(), response.Content.Headers.ContentType!.ToString());
        var set = model.EntityContainer.FindEntitySet("Observation");

        using var reader = new ODataMessageReader(message, new ODataMessageReaderSettings { Validations = ValidationKinds.All }, model);
        var odata = await reader.CreateODataResourceSetReaderAsync(set, set.EntityType());
        var observations = 0;
        var expanded = new Dictionary<string, int>(StringComparer.Ordinal);
        string? navigation = null;
        while (await odata.ReadAsync())
        {
            switch (odata.State)
            {
                case ODataReaderState.NestedResourceInfoStart:
                    navigation = ((ODataNestedResourceInfo)odata.Item).Name;
                    break;
                case ODataReaderState.NestedResourceInfoEnd:
                    navigation = null;
                    break;
                case ODataReaderState.ResourceEnd when navigation is null:
                    observations++;
                    break;
                case ODataReaderState.ResourceEnd:
                    Assert.NotNull(((ODataResource)odata.Item).Properties.Single(p => p.Name == "id").Value);
                    expanded[navigation] = expanded.GetValueOrDefault(navigation) + 1;
                    break;
            }
        }

        Assert.Equal(20, observations);
        Assert.Equal(20, expanded["subject_Patient"]);
        Assert.Equal(20, expanded["encounter_Encounter"]);
    }

    private sealed class ResponseMessage(Stream body, string contentType) : IODataResponseMessageAsync
    {
        private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = contentType };

        public IEnumerable<KeyValuePair<string, string>> Headers => _headers;

        public int StatusCode { get; set; } = 200;

        public string? GetHeader(string headerName) => _headers.GetValueOrDefault(headerName);

        public void SetHeader(string headerName, string headerValue) => _headers[headerName] = headerValue;

        public Stream GetStream() => body;

        public Task<Stream> GetStreamAsync() => Task.FromResult(body);
    }
}
