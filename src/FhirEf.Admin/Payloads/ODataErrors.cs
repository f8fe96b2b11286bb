using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace FhirEf.Admin.Payloads;

/// <summary>OData v4 JSON error bodies (OData JSON Format §21): <c>{"error":{"code":"400","message":"…"}}</c>.</summary>
internal static class ODataErrors
{
    public static async Task WriteAsync(HttpResponse response, int status, string message, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentType = "application/json; odata.metadata=minimal; charset=utf-8";
        response.Headers["OData-Version"] = "4.0";
        response.Headers.CacheControl = "no-store";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("error");
            json.WriteString("code", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("message", message);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        await response.Body.WriteAsync(buffer.ToArray(), cancellationToken);
    }
}
