using System.Globalization;
using FhirEf.Core.Errors;

namespace FhirEf.Api.Headers;

/// <summary>FHIR ETags are weak and carry the version id: <c>W/"3"</c> (https://hl7.org/fhir/R4/http.html#versioning).</summary>
public static class ETags
{
    public static string Format(int versionId) => $"W/\"{versionId.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// The version an <c>If-Match</c> names: <c>W/"3"</c> (also <c>"3"</c>); null when absent.
    /// A value that names no version is a bad request: a precondition the server cannot check must not be ignored.
    /// </summary>
    public static int? ParseIfMatch(string? value, string header = "If-Match")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return TryParseVersion(value, out var version)
            ? version
            : throw new InvalidRequestException($"{header} '{value}' is not a FHIR version ETag such as W/\"3\".", header);
    }

    /// <summary>Reads <c>W/"3"</c>, <c>"3"</c>; false for anything else (including <c>*</c>).</summary>
    public static bool TryParseVersion(string value, out int version)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            text = text[1..^1];
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out version) && version > 0;
    }

    /// <summary>Whether an <c>If-None-Match</c> list (<c>W/"1", W/"2"</c> or <c>*</c>) names <paramref name="versionId"/>.</summary>
    public static bool IfNoneMatchHolds(string? value, int versionId)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        foreach (var candidate in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (candidate == "*" || (TryParseVersion(candidate, out var named) && named == versionId))
            {
                return true;
            }
        }

        return false;
    }
}
