using System.Globalization;
using FhirEf.Core.Errors;

namespace FhirEf.Core.Search.Syntax;

/// <summary>
/// Turns query parameters (a GET query string or a POST <c>_search</c> form, already URL-decoded) into a
/// <see cref="SearchQuery"/>: result controls apart, filters split into name, modifier, chain and OR values.
/// Only syntax is checked here; meaning is the binder's.
/// </summary>
public static class SearchQueryParser
{
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "_format", "_pretty" };

    public static SearchQuery Parse(IReadOnlyList<KeyValuePair<string, string>> parameters, SearchLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        limits ??= SearchLimits.Default;
        if (parameters.Count > limits.MaxParameters)
        {
            throw new InvalidSearchException("(query)", null, $"{parameters.Count} parameters; at most {limits.MaxParameters} are accepted.");
        }

        var filters = new List<SearchParameterSyntax>();
        var controls = new SearchControls();
        var sort = new List<SortKey>();
        var includes = new List<IncludeSyntax>();
        var revIncludes = new List<IncludeSyntax>();
        var types = new List<string>();
        foreach (var (key, value) in parameters)
        {
            if (string.IsNullOrEmpty(key))
            {
                throw new InvalidSearchException("(empty)", value, "a parameter needs a name.");
            }

            if (value.Length > limits.MaxValueLength * 4)
            {
                throw new InvalidSearchException(key, value, $"the value is longer than {limits.MaxValueLength * 4} characters.");
            }

            var (name, modifier) = SplitOnce(key, ':');
            switch (name)
            {
                case var ignored when Ignored.Contains(ignored):
                    break;
                case "_count":
                    controls = controls with { Count = Math.Min(NonNegative(key, value), limits.MaxCount) };
                    break;
                case "_offset":
                    var offset = NonNegative(key, value);
                    controls = controls with
                    {
                        Offset = offset <= limits.MaxOffset
                            ? offset
                            : throw new InvalidSearchException(key, value, $"offsets above {limits.MaxOffset} are not served; follow the next links."),
                    };
                    break;
                case "_cursor":
                    controls = controls with { Cursor = value };
                    break;
                case "_sort":
                    sort.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(s => s.StartsWith('-') ? new SortKey(s[1..], true) : new SortKey(s, false)));
                    break;
                case "_total":
                    controls = controls with
                    {
                        Total = value switch
                        {
                            "none" => TotalMode.None,
                            "estimate" => TotalMode.Estimate,
                            "accurate" => TotalMode.Accurate,
                            _ => throw new InvalidSearchException(key, value, "expected none, estimate or accurate."),
                        },
                    };
                    break;
                case "_summary":
                    controls = controls with
                    {
                        Summary = value is "true" or "text" or "data" or "count" or "false"
                            ? value
                            : throw new InvalidSearchException(key, value, "expected true, text, data, count or false."),
                    };
                    break;
                case "_elements":
                    controls = controls with { Elements = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] };
                    break;
                case "_include" or "_revinclude":
                    var iterate = modifier switch
                    {
                        null => false,
                        "iterate" or "recurse" => true,
                        _ => throw new InvalidSearchException(key, value, "the only modifier is :iterate."),
                    };
                    foreach (var item in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        (name == "_include" ? includes : revIncludes).Add(Include(key, item, iterate));
                    }

                    break;
                case "_type":
                    types.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "_contained" or "_containedType":
                    if (value is not ("false" or "container"))
                    {
                        throw new InvalidSearchException(key, value, "searching inside contained resources is not supported.");
                    }

                    break;
                default:
                    filters.Add(Filter(key, value, limits));
                    break;
            }
        }

        return new SearchQuery(filters, controls with { Sort = sort, Includes = includes, RevIncludes = revIncludes, Types = types });
    }

    /// <summary>Parses a query string (<c>a=1&amp;b=2</c>, URL-encoded) into parameters, for conditional operations.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseQueryString(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var result = new List<KeyValuePair<string, string>>();
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            result.Add(new(Uri.UnescapeDataString(key.Replace('+', ' ')), Uri.UnescapeDataString(value.Replace('+', ' '))));
        }

        return result;
    }

    private static SearchParameterSyntax Filter(string key, string value, SearchLimits limits)
    {
        var values = SearchEscaping.Split(value, ',');
        if (values.Count > limits.MaxValuesPerParameter)
        {
            throw new InvalidSearchException(key, value, $"{values.Count} alternatives; at most {limits.MaxValuesPerParameter} are accepted.");
        }

        if (values.Any(v => v.Length > limits.MaxValueLength))
        {
            throw new InvalidSearchException(key, value, $"a value is longer than {limits.MaxValueLength} characters.");
        }

        if (key.StartsWith("_has:", StringComparison.Ordinal))
        {
            return new SearchParameterSyntax("_has", key[5..], null, values);
        }

        var dot = key.IndexOf('.', StringComparison.Ordinal);
        var head = dot < 0 ? key : key[..dot];
        var chain = dot < 0 ? null : key[(dot + 1)..];
        var (name, modifier) = SplitOnce(head, ':');
        // "subject:Patient.organization.partof.name" follows three references: the head and each chained part but the last.
        if (chain is not null && chain.Split('.').Length > limits.MaxChainDepth)
        {
            throw new InvalidSearchException(key, value, $"chains deeper than {limits.MaxChainDepth} are not served.");
        }

        return new SearchParameterSyntax(name, modifier, chain, values);
    }

    private static IncludeSyntax Include(string key, string value, bool iterate)
    {
        if (value == "*")
        {
            return new IncludeSyntax("*", "*", null, iterate);
        }

        var parts = value.Split(':');
        return parts.Length is 2 or 3 && parts.All(p => p.Length > 0)
            ? new IncludeSyntax(parts[0], parts[1], parts.Length == 3 ? parts[2] : null, iterate)
            : throw new InvalidSearchException(key, value, "expected SourceType:parameter[:TargetType].");
    }

    private static int NonNegative(string key, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new InvalidSearchException(key, value, "expected a non-negative integer.");

    private static (string Name, string? Modifier) SplitOnce(string text, char separator)
    {
        var at = text.IndexOf(separator, StringComparison.Ordinal);
        return at < 0 ? (text, null) : (text[..at], text[(at + 1)..]);
    }
}
