using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace FhirEf.Core.Definitions;

/// <summary>
/// The SearchParameters per resource type, with the ones defined on Resource and DomainResource
/// inherited by every type that specialises them.
/// </summary>
public sealed class SearchParameterRegistry
{
    private readonly FrozenDictionary<string, SearchParameterInfo> _byUrl;
    private readonly FrozenDictionary<string, FrozenDictionary<string, SearchParameterInfo>> _byType;

    /// <param name="parameters">In load order: of two parameters with the same code for a type, the later wins.</param>
    /// <param name="structures">The types, for inheritance from Resource and DomainResource.</param>
    internal SearchParameterRegistry(IReadOnlyList<SearchParameterInfo> parameters, StructureDefinitionRegistry structures)
    {
        _byUrl = parameters.ToFrozenDictionary(p => p.Url, StringComparer.Ordinal);
        var byType = new Dictionary<string, Dictionary<string, SearchParameterInfo>>(StringComparer.Ordinal);
        foreach (var resourceType in structures.ResourceTypes)
        {
            var own = new Dictionary<string, SearchParameterInfo>(StringComparer.Ordinal);
            // Most specific wins: a type's own parameter over DomainResource's over Resource's.
            foreach (var parameter in parameters.OrderBy(p => Specificity(p, resourceType, structures)))
            {
                if (parameter.Base.Any(b => structures.IsSubtypeOf(resourceType, b)))
                {
                    own[parameter.Code] = parameter;
                }
            }

            byType[resourceType] = own;
        }

        _byType = byType.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    public IEnumerable<SearchParameterInfo> All => _byUrl.Values;

    public bool TryGetByUrl(string url, [NotNullWhen(true)] out SearchParameterInfo? parameter)
    {
        ArgumentNullException.ThrowIfNull(url);
        // Canonical references may carry a version: "http://…/SearchParameter/x|4.0.1".
        var bar = url.IndexOf('|', StringComparison.Ordinal);
        return _byUrl.TryGetValue(bar < 0 ? url : url[..bar], out parameter);
    }

    /// <summary>The parameter <paramref name="code"/> as it applies to <paramref name="resourceType"/>.</summary>
    public bool TryGet(string resourceType, string code, [NotNullWhen(true)] out SearchParameterInfo? parameter)
    {
        parameter = null;
        return _byType.TryGetValue(resourceType, out var parameters) && parameters.TryGetValue(code, out parameter);
    }

    /// <summary>Every parameter that applies to <paramref name="resourceType"/>, by code.</summary>
    public IReadOnlyDictionary<string, SearchParameterInfo> ForResource(string resourceType) =>
        _byType.TryGetValue(resourceType, out var parameters)
            ? parameters
            : FrozenDictionary<string, SearchParameterInfo>.Empty;

    private static int Specificity(SearchParameterInfo parameter, string resourceType, StructureDefinitionRegistry structures)
    {
        if (parameter.Base.Contains(resourceType))
        {
            return 2;
        }

        return parameter.Base.Contains("DomainResource") && structures.IsSubtypeOf(resourceType, "DomainResource") ? 1 : 0;
    }
}
