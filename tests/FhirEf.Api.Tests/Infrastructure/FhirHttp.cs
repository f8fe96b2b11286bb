using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace FhirEf.Api.Tests.Infrastructure;

/// <summary>Small helpers that keep HTTP tests readable: send FHIR JSON, read FHIR JSON.</summary>
internal static class FhirHttp
{
    public const string FhirJson = "application/fhir+json";

    public static StringContent Json(string json, string mediaType = FhirJson) => new(json, Encoding.UTF8, mediaType);

    public static async Task<HttpResponseMessage> SendAsync(
        this HttpClient client,
        HttpMethod method,
        string path,
        string? body = null,
        string mediaType = FhirJson,
        params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        }

        foreach (var (name, value) in headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, string body, params (string Name, string Value)[] headers) =>
        client.SendAsync(HttpMethod.Post, path, body, FhirJson, headers);

    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, string path, string body, params (string Name, string Value)[] headers) =>
        client.SendAsync(HttpMethod.Put, path, body, FhirJson, headers);

    public static Task<HttpResponseMessage> GetAsync(this HttpClient client, string path, params (string Name, string Value)[] headers) =>
        client.SendAsync(HttpMethod.Get, path, null, FhirJson, headers);

    public static Task<HttpResponseMessage> DeleteAsync(this HttpClient client, string path, params (string Name, string Value)[] headers) =>
        client.SendAsync(HttpMethod.Delete, path, null, FhirJson, headers);

    public static async Task<JsonElement> BodyAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>The first issue's code of an OperationOutcome body.</summary>
    public static async Task<string> IssueCodeAsync(this HttpResponseMessage response)
    {
        var body = await response.BodyAsync();
        Assert.Equal("OperationOutcome", body.GetProperty("resourceType").GetString());
        return body.GetProperty("issue")[0].GetProperty("code").GetString()!;
    }

    /// <summary>Creates a resource and returns the stored version's id.</summary>
    public static async Task<string> CreateAsync(this HttpClient client, string json)
    {
        using var document = JsonDocument.Parse(json);
        var type = document.RootElement.GetProperty("resourceType").GetString();
        var response = await client.PostAsync($"/fhir/{type}", json);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.BodyAsync()).GetProperty("id").GetString()!;
    }

    /// <summary>The ids of a search's matches (not its includes), in page order.</summary>
    public static async Task<List<string>> SearchIdsAsync(this HttpClient client, string path)
    {
        var bundle = await (await client.GetAsync(path)).BodyAsync();
        Assert.True(bundle.GetProperty("resourceType").GetString() == "Bundle", bundle.ToString());
        return bundle.TryGetProperty("entry", out var entries)
            ? [.. entries.EnumerateArray()
                .Where(e => e.GetProperty("search").GetProperty("mode").GetString() == "match")
                .Select(e => e.GetProperty("resource").GetProperty("id").GetString()!)]
            : [];
    }

    public static string Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(", ", contentValues)
        : string.Empty;
}
