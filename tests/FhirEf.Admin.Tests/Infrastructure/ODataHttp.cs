using System.Net;
using System.Text.Json;
using System.Xml;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;

namespace FhirEf.Admin.Tests.Infrastructure;

/// <summary>Reading OData responses in tests.</summary>
public static class ODataHttp
{
    public static async Task<JsonElement> JsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {expected}, got {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary><c>$metadata</c> as Microsoft.OData.Edm's <see cref="CsdlReader"/> reads it; fails the test when it does not load.</summary>
    public static async Task<IEdmModel> ModelAsync(this HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/odata/$metadata", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        Assert.True(CsdlReader.TryParse(reader, out var model, out var errors), string.Join("; ", errors ?? []));
        return model;
    }

    /// <summary>Every row of a query, following <c>@odata.nextLink</c> to the end.</summary>
    public static async Task<List<JsonElement>> AllAsync(this HttpClient client, string url)
    {
        var rows = new List<JsonElement>();
        string? next = url;
        var pages = 0;
        while (next is not null)
        {
            Assert.True(++pages < 1000, "paging does not end");
            var page = await client.JsonAsync(next.StartsWith("http", StringComparison.Ordinal) ? new Uri(next).PathAndQuery : next);
            rows.AddRange(page.GetProperty("value").EnumerateArray());
            next = page.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }

        return rows;
    }

    public static List<string> Strings(this IEnumerable<JsonElement> rows, string property) =>
        [.. rows.Select(r => r.GetProperty(property).GetString()!)];
}
