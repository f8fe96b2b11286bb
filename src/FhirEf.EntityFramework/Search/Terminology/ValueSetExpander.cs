using System.Text.Json;
using FhirEf.Core.Errors;

namespace FhirEf.EntityFramework.Search.Terminology;

/// <summary>
/// Expands ValueSets and CodeSystem hierarchies held in the database, in C#, for <c>:in</c>, <c>:not-in</c>,
/// <c>:below</c> and <c>:above</c> (R4 search §3.1.1.5.x; ValueSet §4.9.5 on compose). A stored
/// <c>expansion.contains</c> is used as is; otherwise <c>compose</c> is evaluated: each include is the
/// intersection of its system part (enumerated concepts, or every concept of a stored CodeSystem) and its
/// <c>valueSet</c>s, includes are united and excludes subtracted. Filters are refused (400): the server holds
/// no terminology engine to evaluate them. Every expansion is capped at <c>maxCodes</c> codes.
/// </summary>
internal sealed class ValueSetExpander(TerminologyResources resources, int maxCodes)
{
    private readonly Dictionary<string, HashSet<Coding>> _valueSets = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string?), CodeSystemConcepts> _codeSystems = [];

    /// <summary>The codes of the ValueSet <paramref name="canonical"/> (<c>url</c> or <c>url|version</c>).</summary>
    public Task<HashSet<Coding>> ValueSetAsync(string parameter, string canonical, CancellationToken cancellationToken) =>
        ValueSetAsync(parameter, canonical, [], cancellationToken);

    /// <summary>The code and its descendants (<paramref name="below"/>) or ancestors in the stored CodeSystem <paramref name="system"/>.</summary>
    public async Task<IReadOnlyCollection<string>> HierarchyAsync(string parameter, string? system, string code, bool below, CancellationToken cancellationToken)
    {
        var value = system + "|" + code;
        if (system is null)
        {
            throw new InvalidSearchException(parameter, code, "a hierarchy search needs system|code, the system naming a CodeSystem stored on this server.");
        }

        var concepts = await CodeSystemAsync(parameter, value, system, version: null, cancellationToken);
        if (!concepts.Contains(code))
        {
            throw new InvalidSearchException(parameter, value, $"the CodeSystem {system} has no concept '{code}'.");
        }

        var codes = below ? concepts.Descendants(code) : concepts.Ancestors(code);
        return codes.Count <= maxCodes ? codes : throw TooLarge(parameter, value, codes.Count);
    }

    private async Task<HashSet<Coding>> ValueSetAsync(string parameter, string canonical, List<string> visiting, CancellationToken cancellationToken)
    {
        if (_valueSets.TryGetValue(canonical, out var known))
        {
            return known;
        }

        if (visiting.Contains(canonical, StringComparer.Ordinal))
        {
            throw new InvalidSearchException(parameter, canonical, $"the ValueSet includes itself ({string.Join(" → ", visiting.Append(canonical))}).");
        }

        var bar = canonical.IndexOf('|', StringComparison.Ordinal);
        var (url, version) = bar < 0 ? (canonical, null) : (canonical[..bar], canonical[(bar + 1)..]);
        var valueSet = await resources.FindAsync("ValueSet", url, version, cancellationToken)
            ?? throw new InvalidSearchException(parameter, canonical, "no ValueSet with this url" + (version is null ? "" : " and version") + " is stored on this server.");

        visiting.Add(canonical);
        var codes = valueSet.TryGetProperty("expansion", out var expansion) && expansion.TryGetProperty("contains", out var contains)
            ? Contains(contains, [])
            : await ComposeAsync(parameter, canonical, valueSet, visiting, cancellationToken);
        visiting.RemoveAt(visiting.Count - 1);
        if (codes.Count > maxCodes)
        {
            throw TooLarge(parameter, canonical, codes.Count);
        }

        _valueSets[canonical] = codes;
        return codes;
    }

    private async Task<HashSet<Coding>> ComposeAsync(string parameter, string canonical, JsonElement valueSet, List<string> visiting, CancellationToken cancellationToken)
    {
        if (!valueSet.TryGetProperty("compose", out var compose))
        {
            throw new InvalidSearchException(parameter, canonical, "the ValueSet has neither an expansion nor a compose.");
        }

        var codes = new HashSet<Coding>();
        foreach (var include in Array(compose, "include"))
        {
            codes.UnionWith(await ComponentAsync(parameter, canonical, include, visiting, cancellationToken));
            if (codes.Count > maxCodes)
            {
                throw TooLarge(parameter, canonical, codes.Count);
            }
        }

        foreach (var exclude in Array(compose, "exclude"))
        {
            codes.ExceptWith(await ComponentAsync(parameter, canonical, exclude, visiting, cancellationToken));
        }

        return codes;
    }

    /// <summary>One include or exclude: its system part intersected with each of its value sets.</summary>
    private async Task<HashSet<Coding>> ComponentAsync(string parameter, string canonical, JsonElement component, List<string> visiting, CancellationToken cancellationToken)
    {
        if (Array(component, "filter").Any())
        {
            throw new InvalidSearchException(parameter, canonical, "the ValueSet's compose uses filters, which this server does not evaluate; store the ValueSet with an expansion instead.");
        }

        HashSet<Coding>? codes = null;
        if (Text(component, "system") is { } system)
        {
            var concepts = Array(component, "concept").Select(c => Text(c, "code")).OfType<string>().ToList();
            if (concepts.Count == 0)
            {
                var codeSystem = await CodeSystemAsync(parameter, canonical, system, Text(component, "version"), cancellationToken);
                concepts = [.. codeSystem.Codes];
            }

            codes = [.. concepts.Select(code => new Coding(system, code))];
        }

        foreach (var included in Array(component, "valueSet").Select(v => v.GetString()).OfType<string>())
        {
            var members = await ValueSetAsync(parameter, included, visiting, cancellationToken);
            if (codes is null)
            {
                codes = [.. members];
            }
            else
            {
                codes.IntersectWith(members);
            }
        }

        return codes ?? [];
    }

    private async Task<CodeSystemConcepts> CodeSystemAsync(string parameter, string value, string system, string? version, CancellationToken cancellationToken)
    {
        if (_codeSystems.TryGetValue((system, version), out var known))
        {
            return known;
        }

        var codeSystem = await resources.FindAsync("CodeSystem", system, version, cancellationToken)
            ?? throw new InvalidSearchException(parameter, value, $"the CodeSystem {system}{(version is null ? "" : "|" + version)} is not stored on this server.");
        var concepts = new CodeSystemConcepts(codeSystem);
        _codeSystems[(system, version)] = concepts;
        return concepts;
    }

    /// <summary>The codes of <c>expansion.contains</c>, nested entries included; abstract entries are groupings, not members.</summary>
    private static HashSet<Coding> Contains(JsonElement contains, HashSet<Coding> codes)
    {
        foreach (var entry in contains.ValueKind == JsonValueKind.Array ? contains.EnumerateArray() : Enumerable.Empty<JsonElement>())
        {
            var isAbstract = entry.TryGetProperty("abstract", out var a) && a.ValueKind == JsonValueKind.True;
            if (!isAbstract && Text(entry, "code") is { } code)
            {
                codes.Add(new Coding(Text(entry, "system"), code));
            }

            if (entry.TryGetProperty("contains", out var nested))
            {
                Contains(nested, codes);
            }
        }

        return codes;
    }

    private InvalidSearchException TooLarge(string parameter, string value, int count) =>
        new(parameter, value, $"the expansion has more than {maxCodes} codes ({count} so far), the limit set by Fhir:Search:MaxExpansionCodes.");

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
