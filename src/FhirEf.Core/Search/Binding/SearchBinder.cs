using FhirEf.Core.Abstractions;
using FhirEf.Core.Definitions;
using FhirEf.Core.Errors;
using FhirEf.Core.Indexing.Text;
using FhirEf.Core.Schema;
using FhirEf.Core.Schema.Storage;
using FhirEf.Core.Search.Expressions;
using FhirEf.Core.Search.Rewriting;
using FhirEf.Core.Search.Syntax;

namespace FhirEf.Core.Search.Binding;

/// <summary>
/// Gives a parsed query its meaning for a resource type: each parameter is looked up in the
/// SearchParameter registry, its modifier and values checked and parsed by type
/// (<see cref="SearchValueBinder"/>), chains and <c>_has</c> bound on their own types. Repeated
/// parameters are ANDed, comma-separated values ORed. Unknown parameters are reported (lenient) or
/// refused (strict, <c>Prefer: handling=strict</c>); invalid values are always refused (400).
/// </summary>
public sealed class SearchBinder
{
    private readonly FhirDefinitions _definitions;
    private readonly FhirSchema _schema;
    private readonly SearchLimits _limits;

    public SearchBinder(FhirDefinitions definitions, FhirSchema schema, SearchLimits? limits = null)
    {
        _definitions = definitions;
        _schema = schema;
        _limits = limits ?? SearchLimits.Default;
    }

    public BoundSearch Bind(string resourceType, SearchQuery query, bool strict)
    {
        ArgumentNullException.ThrowIfNull(query);
        RequireType(resourceType, "(type)");
        var issues = new List<SearchIssue>();
        var operands = new List<SearchExpression>();
        foreach (var syntax in query.Filters)
        {
            if (BindParameter(resourceType, syntax, depth: 0, issues, strict) is { } expression)
            {
                operands.Add(expression);
            }
        }

        CheckSort(resourceType, query.Controls, issues, strict);
        SearchExpression? filter = operands.Count switch
        {
            0 => null,
            1 => operands[0],
            _ => new AndExpression(operands),
        };
        return new BoundSearch(resourceType, filter is null ? null : SearchRewriters.Apply(filter), query.Controls, issues);
    }

    /// <summary>One parameter (possibly chained) on <paramref name="resourceType"/>; null when it is ignored.</summary>
    internal SearchExpression? BindParameter(string resourceType, SearchParameterSyntax syntax, int depth, List<SearchIssue> issues, bool strict)
    {
        if (depth > _limits.MaxChainDepth)
        {
            throw new InvalidSearchException(syntax.Raw, null, $"chains and _has deeper than {_limits.MaxChainDepth} are not served.");
        }

        if (syntax.Name == "_has")
        {
            return BindHas(resourceType, syntax, depth, issues, strict);
        }

        if (!_definitions.SearchParameters.TryGet(resourceType, syntax.Name, out var parameter))
        {
            return Ignore(issues, strict, syntax.Raw, $"Unknown search parameter '{syntax.Name}' for {resourceType}.");
        }

        if (_schema.Resource(resourceType).TryGetStorage(parameter.Code, out var storage) && storage is UnsupportedStorage unsupported)
        {
            return Ignore(issues, strict, syntax.Raw, $"The search parameter '{syntax.Name}' is not supported: {unsupported.Reason}.");
        }

        if (syntax.Chain is not null)
        {
            return BindChain(resourceType, parameter, syntax, depth, issues, strict);
        }

        if (syntax.Modifier == "missing")
        {
            return Or(syntax.Values.Select(v => (SearchExpression)new MissingExpression(parameter, v switch
            {
                "true" => true,
                "false" => false,
                _ => throw new InvalidSearchException(syntax.Raw, v, "expected true or false."),
            })));
        }

        if (parameter.Code is "_text" or "_content")
        {
            return Or(syntax.Values.Select(v => (SearchExpression)new FullTextExpression(parameter, FullTextTerms.Split(SearchEscaping.Unescape(v)))));
        }

        if (parameter.Code == "_id")
        {
            RequireNoModifier(syntax);
            return new IdExpression([.. syntax.Values.Select(SearchEscaping.Unescape).Where(v => v.Length > 0)]);
        }

        var values = syntax.Values.Where(v => v.Length > 0).ToList();
        if (values.Count == 0)
        {
            return null;
        }

        var binder = new SearchValueBinder(this, _definitions, resourceType, parameter, syntax);
        return binder.Bind(values);
    }

    private SearchExpression? BindChain(
        string resourceType,
        SearchParameterInfo parameter,
        SearchParameterSyntax syntax,
        int depth,
        List<SearchIssue> issues,
        bool strict)
    {
        if (parameter.Type != SearchParamType.Reference)
        {
            throw new InvalidSearchException(syntax.Raw, null, $"'{parameter.Code}' is a {parameter.Type.ToString().ToLowerInvariant()} parameter and cannot be chained.");
        }

        var targets = syntax.Modifier is { } type
            ? [RequireTarget(parameter, type, syntax)]
            : parameter.Targets.Count > 0 ? parameter.Targets : _definitions.Structures.ResourceTypes;
        var chain = syntax.Chain!;
        var dot = chain.IndexOf('.', StringComparison.Ordinal);
        var head = dot < 0 ? chain : chain[..dot];
        var colon = head.IndexOf(':', StringComparison.Ordinal);
        var inner = new SearchParameterSyntax(
            colon < 0 ? head : head[..colon],
            colon < 0 ? null : head[(colon + 1)..],
            dot < 0 ? null : chain[(dot + 1)..],
            syntax.Values);

        var alternatives = new List<SearchExpression>();
        foreach (var target in targets)
        {
            if (!_definitions.SearchParameters.TryGet(target, inner.Name, out _) && inner.Name != "_has")
            {
                continue;
            }

            // Unknown parameters inside a chain are always errors: ignoring them would widen the result.
            if (BindParameter(target, inner, depth + 1, [], strict: true) is { } expression)
            {
                alternatives.Add(new ChainExpression(parameter, target, expression));
            }
        }

        return alternatives.Count > 0
            ? Or(alternatives)
            : Ignore(issues, strict, syntax.Raw, $"No target type of '{parameter.Code}' has a search parameter '{inner.Name}'.");
    }

    private SearchExpression? BindHas(string resourceType, SearchParameterSyntax syntax, int depth, List<SearchIssue> issues, bool strict)
    {
        // _has:Observation:patient:code=x  or  _has:Observation:patient:_has:AuditEvent:entity:user=y
        var parts = syntax.Modifier?.Split(':', 3);
        if (parts is not { Length: 3 } || parts.Any(p => p.Length == 0))
        {
            throw new InvalidSearchException("_has:" + syntax.Modifier, null, "expected _has:SourceType:referenceParameter:parameter.");
        }

        var (sourceType, referenceCode, rest) = (parts[0], parts[1], parts[2]);
        RequireType(sourceType, "_has:" + syntax.Modifier);
        if (!_definitions.SearchParameters.TryGet(sourceType, referenceCode, out var reference) || reference.Type != SearchParamType.Reference)
        {
            throw new InvalidSearchException("_has:" + syntax.Modifier, null, $"'{referenceCode}' is not a reference parameter of {sourceType}.");
        }

        if (reference.Targets.Count > 0 && !reference.Targets.Contains(resourceType))
        {
            throw new InvalidSearchException("_has:" + syntax.Modifier, null, $"{sourceType}.{referenceCode} cannot refer to a {resourceType}.");
        }

        SearchParameterSyntax inner;
        if (rest.StartsWith("_has:", StringComparison.Ordinal))
        {
            inner = new SearchParameterSyntax("_has", rest[5..], null, syntax.Values);
        }
        else
        {
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            var head = dot < 0 ? rest : rest[..dot];
            var colon = head.IndexOf(':', StringComparison.Ordinal);
            inner = new SearchParameterSyntax(colon < 0 ? head : head[..colon], colon < 0 ? null : head[(colon + 1)..], dot < 0 ? null : rest[(dot + 1)..], syntax.Values);
        }

        var source = BindParameter(sourceType, inner, depth + 1, issues, strict: true);
        return source is null ? null : new HasExpression(sourceType, reference, source);
    }

    internal string RequireTarget(SearchParameterInfo parameter, string type, SearchParameterSyntax syntax)
    {
        RequireType(type, syntax.Raw);
        return parameter.Targets.Count == 0 || parameter.Targets.Contains(type)
            ? type
            : throw new InvalidSearchException(syntax.Raw, null, $"'{parameter.Code}' cannot refer to a {type}; its targets are {string.Join(", ", parameter.Targets)}.");
    }

    public void RequireType(string type, string parameter)
    {
        if (!_definitions.Structures.IsConcreteResourceType(type))
        {
            throw new InvalidSearchException(parameter, type, $"'{type}' is not a resource type.");
        }
    }

    private void CheckSort(string resourceType, SearchControls controls, List<SearchIssue> issues, bool strict)
    {
        foreach (var key in controls.Sort)
        {
            if (!_definitions.SearchParameters.TryGet(resourceType, key.Parameter, out _))
            {
                if (strict)
                {
                    throw new InvalidSearchException("_sort", key.Parameter, $"{resourceType} has no search parameter '{key.Parameter}' to sort by.");
                }

                issues.Add(new SearchIssue("warning", "not-supported", $"Sorting by unknown parameter '{key.Parameter}' was ignored.", "_sort"));
            }
        }
    }

    private static void RequireNoModifier(SearchParameterSyntax syntax)
    {
        if (syntax.Modifier is not null)
        {
            throw new InvalidSearchException(syntax.Raw, null, $"the modifier ':{syntax.Modifier}' is not valid here.");
        }
    }

    private static SearchExpression? Ignore(List<SearchIssue> issues, bool strict, string parameter, string message)
    {
        if (strict)
        {
            throw new InvalidSearchException(parameter, null, message + " (Prefer: handling=strict)");
        }

        issues.Add(new SearchIssue("warning", "not-supported", message + " It was ignored.", parameter));
        return null;
    }

    internal static SearchExpression Or(IEnumerable<SearchExpression> operands)
    {
        var list = operands.ToList();
        return list.Count == 1 ? list[0] : new OrExpression(list);
    }
}
