namespace FhirEf.Api.Requests;

/// <summary>
/// A query string (or an <c>application/x-www-form-urlencoded</c> body) as FHIR reads it: name/value
/// pairs in order, repeats kept, percent- and plus-decoded once, FHIR's own escaping (<c>\,</c> <c>\|</c> <c>\$</c>) untouched.
/// </summary>
public static class QueryParameters
{
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string? query)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(query))
        {
            return result;
        }

        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            if (name.Length == 0)
            {
                continue;
            }

            result.Add(new KeyValuePair<string, string>(name, equals < 0 ? string.Empty : Decode(pair[(equals + 1)..])));
        }

        return result;
    }

    /// <summary>Writes parameters back as a query string (without the '?').</summary>
    public static string Format(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return string.Join('&', parameters.Select(p => $"{Encode(p.Key)}={Encode(p.Value)}"));
    }

    /// <summary>The single value of <paramref name="name"/>; a repeat is an error the caller names.</summary>
    public static string? Single(IReadOnlyList<KeyValuePair<string, string>> parameters, string name)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        string? value = null;
        foreach (var (key, item) in parameters)
        {
            if (key == name)
            {
                if (value is not null)
                {
                    throw new Core.Errors.InvalidRequestException($"The parameter {name} may appear only once.", name);
                }

                value = item;
            }
        }

        return value;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static string Encode(string text) => Uri.EscapeDataString(text)
        // Keep the characters FHIR queries are read with legible: they are allowed in a query.
        .Replace("%2C", ",", StringComparison.Ordinal)
        .Replace("%7C", "|", StringComparison.Ordinal)
        .Replace("%3A", ":", StringComparison.Ordinal)
        .Replace("%2F", "/", StringComparison.Ordinal);
}
