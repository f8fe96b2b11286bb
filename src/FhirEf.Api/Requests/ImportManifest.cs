using System.Text.Json;
using FhirEf.Core.Bulk;
using FhirEf.Core.Errors;

namespace FhirEf.Api.Requests;

/// <summary>
/// The <c>$import</c> kick-off Parameters (Bulk Data IG style): <c>inputFormat</c> (NDJSON only), and one
/// <c>input</c> per file with parts <c>type</c> (optional) and <c>url</c> (valueUrl, valueUri or valueString), and
/// FhirEf's <c>indexing</c> (valueCode <c>now</c>, the default, or <c>later</c>: load now, index later).
/// </summary>
internal static class ImportManifest
{
    public static (List<ImportInput> Inputs, ImportIndexing Indexing) Parse(JsonElement parameters)
    {
        if (!parameters.TryGetProperty("resourceType", out var type) || type.GetString() != "Parameters")
        {
            throw new InvalidRequestException("$import takes a Parameters resource.");
        }

        var inputs = new List<ImportInput>();
        var indexing = ImportIndexing.Now;
        foreach (var parameter in parameters.TryGetProperty("parameter", out var list) ? list.EnumerateArray() : default)
        {
            var name = parameter.TryGetProperty("name", out var n) ? n.GetString() : null;
            if (name == "inputFormat" && Value(parameter) is { } format && format is not ("application/fhir+ndjson" or "application/ndjson" or "ndjson"))
            {
                throw new InvalidRequestException($"$import reads NDJSON (application/fhir+ndjson), not '{format}'.");
            }

            if (name == "indexing")
            {
                indexing = Value(parameter) switch
                {
                    "now" => ImportIndexing.Now,
                    "later" => ImportIndexing.Later,
                    var other => throw new InvalidRequestException($"$import parameter 'indexing' is 'now' or 'later', not '{other}'."),
                };
            }

            if (name != "input")
            {
                continue;
            }

            string? url = null;
            string? resourceType = null;
            foreach (var part in parameter.TryGetProperty("part", out var parts) ? parts.EnumerateArray() : default)
            {
                switch (part.TryGetProperty("name", out var partName) ? partName.GetString() : null)
                {
                    case "url":
                        url = Value(part);
                        break;
                    case "type":
                        resourceType = Value(part);
                        break;
                }
            }

            if (string.IsNullOrWhiteSpace(url))
            {
                throw new InvalidRequestException("Every $import input needs a 'url' part.");
            }

            inputs.Add(new ImportInput(url, resourceType));
        }

        if (inputs.Count == 0)
        {
            throw new InvalidRequestException("$import needs at least one 'input' parameter.");
        }

        return (inputs, indexing);
    }

    private static string? Value(JsonElement parameter)
    {
        foreach (var property in parameter.EnumerateObject())
        {
            if (property.Name.StartsWith("value", StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.String)
            {
                return property.Value.GetString();
            }
        }

        return null;
    }
}
