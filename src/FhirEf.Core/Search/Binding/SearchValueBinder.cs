using FhirEf.Core.Definitions;
using FhirEf.Core.Errors;
using FhirEf.Core.Search.Expressions;
using FhirEf.Core.Search.Syntax;
using FhirEf.Core.Search.Values;

namespace FhirEf.Core.Search.Binding;

/// <summary>
/// Parses the values of one parameter by its type (R4 search §3.1.1.4.6–17) into expressions, checking
/// the modifier. Every refusal names the parameter and the value.
/// </summary>
internal sealed class SearchValueBinder(
    SearchBinder owner,
    FhirDefinitions definitions,
    string resourceType,
    SearchParameterInfo parameter,
    SearchParameterSyntax syntax)
{
    public SearchExpression Bind(IReadOnlyList<string> values) => parameter.Type switch
    {
        SearchParamType.String => Modified(values, StringValue, "exact", "contains"),
        SearchParamType.Token => Token(values),
        SearchParamType.Date => Modified(values, v => DateValue(v), []),
        SearchParamType.Number => Modified(values, v => NumberValue(v), []),
        SearchParamType.Quantity => Modified(values, v => QuantityValue(v), []),
        SearchParamType.Reference => Reference(values),
        SearchParamType.Uri => Modified(values, UriValue, "below", "above"),
        SearchParamType.Composite => Modified(values, CompositeValue, []),
        _ => throw new InvalidSearchException(syntax.Raw, null, $"{parameter.Type} parameters are not supported."),
    };

    /// <summary>The value of a composite's component, bound as that component's own parameter.</summary>
    public SearchExpression Component(string value) => parameter.Type switch
    {
        SearchParamType.String => StringValue(value),
        SearchParamType.Token => TokenValue(value),
        SearchParamType.Date => DateValue(value),
        SearchParamType.Number => NumberValue(value),
        SearchParamType.Quantity => QuantityValue(value),
        SearchParamType.Reference => ReferenceValue(value, null),
        SearchParamType.Uri => UriValue(value),
        _ => throw new InvalidSearchException(syntax.Raw, value, $"a {parameter.Type} component is not supported."),
    };

    private SearchExpression Modified(IReadOnlyList<string> values, Func<string, SearchExpression> bind, params string[] allowed)
    {
        if (syntax.Modifier is { } modifier && !allowed.Contains(modifier))
        {
            throw new InvalidSearchException(syntax.Raw, null, $"the modifier ':{modifier}' is not valid for a {parameter.Type.ToString().ToLowerInvariant()} parameter.");
        }

        return SearchBinder.Or(values.Select(bind));
    }

    private StringExpression StringValue(string value) => new(parameter, syntax.Modifier switch
    {
        "exact" => StringMatch.Exact,
        "contains" => StringMatch.Contains,
        _ => StringMatch.StartsWith,
    }, SearchEscaping.Unescape(value));

    private SearchExpression Token(IReadOnlyList<string> values)
    {
        switch (syntax.Modifier)
        {
            case null:
                return SearchBinder.Or(values.Select(TokenValue));
            case "not":
                return new NotExpression(SearchBinder.Or(values.Select(TokenValue)));
            case "text":
                return SearchBinder.Or(values.Select(v => (SearchExpression)new TokenTextExpression(parameter, SearchEscaping.Unescape(v))));
            case "of-type":
                return SearchBinder.Or(values.Select(OfType));
            case "in":
                return SearchBinder.Or(values.Select(v => (SearchExpression)new TokenValueSetExpression(parameter, SearchEscaping.Unescape(v))));
            case "not-in":
                return new NotExpression(SearchBinder.Or(values.Select(v => (SearchExpression)new TokenValueSetExpression(parameter, SearchEscaping.Unescape(v)))));
            case "below" or "above":
                return SearchBinder.Or(values.Select(v =>
                {
                    var token = (TokenExpression)TokenValue(v);
                    return (SearchExpression)new TokenHierarchyExpression(parameter, token.System, token.Code
                        ?? throw new InvalidSearchException(syntax.Raw, v, "a code is required."), syntax.Modifier == "below");
                }));
            default:
                throw new InvalidSearchException(syntax.Raw, null, $"the modifier ':{syntax.Modifier}' is not valid for a token parameter.");
        }
    }

    private SearchExpression TokenValue(string value)
    {
        var bar = SearchEscaping.IndexOfUnescaped(value, '|');
        if (bar < 0)
        {
            return new TokenExpression(parameter, null, SearchEscaping.Unescape(value), SystemGiven: false);
        }

        var system = SearchEscaping.Unescape(value[..bar]);
        var code = SearchEscaping.Unescape(value[(bar + 1)..]);
        if (system.Length == 0 && code.Length == 0)
        {
            throw new InvalidSearchException(syntax.Raw, value, "expected code, system|code, |code or system|.");
        }

        return new TokenExpression(parameter, system.Length == 0 ? null : system, code.Length == 0 ? null : code, SystemGiven: true);
    }

    private SearchExpression OfType(string value)
    {
        var parts = SearchEscaping.Split(value, '|');
        return parts.Count == 3 && parts[1].Length > 0 && parts[2].Length > 0
            ? new TokenOfTypeExpression(parameter, parts[0].Length == 0 ? null : SearchEscaping.Unescape(parts[0]), SearchEscaping.Unescape(parts[1]), SearchEscaping.Unescape(parts[2]))
            : throw new InvalidSearchException(syntax.Raw, value, "expected type-system|type-code|value.");
    }

    private SearchExpression DateValue(string value)
    {
        var (prefix, text) = SearchPrefixes.Split(value);
        return SearchDate.TryParse(SearchEscaping.Unescape(text), out var date)
            ? new DateExpression(parameter, prefix, date)
            : throw new InvalidSearchException(syntax.Raw, value, "expected a date: yyyy[-mm[-dd[Thh:mm[:ss][Z|±hh:mm]]]], optionally after a prefix (eq, ne, gt, lt, ge, le, sa, eb, ap).");
    }

    private SearchExpression NumberValue(string value)
    {
        var (prefix, text) = SearchPrefixes.Split(value);
        return SearchNumber.TryParse(text, out var number)
            ? new NumberExpression(parameter, prefix, number)
            : throw new InvalidSearchException(syntax.Raw, value, "expected a number, optionally after a prefix (eq, ne, gt, lt, ge, le, sa, eb, ap).");
    }

    private SearchExpression QuantityValue(string value)
    {
        var parts = SearchEscaping.Split(value, '|');
        if (parts.Count is not (1 or 3))
        {
            throw new InvalidSearchException(syntax.Raw, value, "expected [prefix]number[|system|code].");
        }

        var (prefix, text) = SearchPrefixes.Split(parts[0]);
        if (!SearchNumber.TryParse(text, out var number))
        {
            throw new InvalidSearchException(syntax.Raw, value, "expected [prefix]number[|system|code].");
        }

        string? system = parts.Count == 3 && parts[1].Length > 0 ? SearchEscaping.Unescape(parts[1]) : null;
        string? code = parts.Count == 3 && parts[2].Length > 0 ? SearchEscaping.Unescape(parts[2]) : null;
        return new QuantityExpression(parameter, prefix, number, system, code);
    }

    private SearchExpression Reference(IReadOnlyList<string> values)
    {
        if (syntax.Modifier == "identifier")
        {
            return SearchBinder.Or(values.Select(v =>
            {
                var bar = SearchEscaping.IndexOfUnescaped(v, '|');
                return (SearchExpression)(bar < 0
                    ? new ReferenceIdentifierExpression(parameter, null, SearchEscaping.Unescape(v))
                    : new ReferenceIdentifierExpression(parameter, bar == 0 ? null : SearchEscaping.Unescape(v[..bar]), SearchEscaping.Unescape(v[(bar + 1)..])));
            }));
        }

        var type = syntax.Modifier is { } modifier ? owner.RequireTarget(parameter, modifier, syntax) : null;
        return SearchBinder.Or(values.Select(v => ReferenceValue(v, type)));
    }

    private SearchExpression ReferenceValue(string raw, string? type)
    {
        var value = SearchEscaping.Unescape(raw);
        if (value.Contains("://", StringComparison.Ordinal) || value.StartsWith("urn:", StringComparison.Ordinal))
        {
            var bar = value.LastIndexOf('|');
            return bar < 0
                ? new ReferenceExpression(parameter, null, null, value, null)
                : new ReferenceExpression(parameter, null, null, value[..bar], value[(bar + 1)..]);
        }

        var segments = value.Split('/');
        switch (segments.Length)
        {
            case 1:
                return new ReferenceExpression(parameter, type ?? (parameter.Targets.Count == 1 ? parameter.Targets[0] : null), RequireId(value, raw), null, null);
            case 2 or 4 when segments.Length == 2 || segments[2] == "_history":
                owner.RequireType(segments[0], syntax.Raw);
                if (type is not null && type != segments[0])
                {
                    throw new InvalidSearchException(syntax.Raw, raw, $"the value names a {segments[0]} but the modifier asks for {type}.");
                }

                return new ReferenceExpression(parameter, owner.RequireTarget(parameter, segments[0], syntax), RequireId(segments[1], raw), null, null);
            default:
                throw new InvalidSearchException(syntax.Raw, raw, "expected id, Type/id or an absolute URL.");
        }
    }

    private string RequireId(string id, string raw) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.')
            ? id
            : throw new InvalidSearchException(syntax.Raw, raw, "not a valid resource id.");

    private SearchExpression UriValue(string value) => new UriExpression(parameter, syntax.Modifier switch
    {
        "below" => UriMatch.Below,
        "above" => UriMatch.Above,
        _ => UriMatch.Exact,
    }, SearchEscaping.Unescape(value));

    private SearchExpression CompositeValue(string value)
    {
        var parts = SearchEscaping.Split(value, '$');
        if (parts.Count != parameter.Components.Count)
        {
            throw new InvalidSearchException(syntax.Raw, value, $"expected {parameter.Components.Count} components separated by $.");
        }

        var components = new List<SearchExpression>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            if (!definitions.SearchParameters.TryGetByUrl(parameter.Components[i].Definition, out var component))
            {
                throw new InvalidSearchException(syntax.Raw, value, $"component {i + 1} refers to an unknown parameter {parameter.Components[i].Definition}.");
            }

            var componentSyntax = new SearchParameterSyntax(component.Code, null, null, [parts[i]]);
            components.Add(new SearchValueBinder(owner, definitions, resourceType, component, componentSyntax).Component(parts[i]));
        }

        return new CompositeExpression(parameter, components);
    }
}
