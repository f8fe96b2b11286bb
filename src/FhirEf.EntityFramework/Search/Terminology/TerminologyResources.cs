using System.Text.Json;
using FhirEf.Core.Definitions;
using FhirEf.Core.Schema;
using FhirEf.Core.Search.Expressions;
using FhirEf.EntityFramework.Search.Translation;
using FhirEf.EntityFramework.Storage;
using Microsoft.EntityFrameworkCore;

namespace FhirEf.EntityFramework.Search.Terminology;

/// <summary>
/// Finds ValueSet and CodeSystem resources of the current tenant by canonical url (and version) through the
/// ordinary search translator: <c>url</c> equality and <c>version</c> token, one parameterized query each.
/// Without a version the most recently updated resource with that url wins.
/// </summary>
internal sealed class TerminologyResources(FhirDbContext context, FhirDefinitions definitions, SearchPredicateTranslator translator)
{
    private readonly Dictionary<(string, string, string?), JsonElement?> _found = [];

    public async Task<JsonElement?> FindAsync(string resourceType, string url, string? version, CancellationToken cancellationToken)
    {
        if (_found.TryGetValue((resourceType, url, version), out var cached))
        {
            return cached;
        }

        SearchExpression filter = new UriExpression(Parameter(resourceType, "url"), UriMatch.Exact, url);
        if (version is not null)
        {
            filter = new AndExpression([filter, new TokenExpression(Parameter(resourceType, "version"), null, version, SystemGiven: false)]);
        }

        var content = await context.Table(resourceType)
            .Where(translator.Translate(resourceType, filter))
            .OrderByDescending(r => EF.Property<DateTime>(r, FixedColumns.LastUpdated))
            .Select(r => EF.Property<string?>(r, FixedColumns.Content))
            .FirstOrDefaultAsync(cancellationToken);
        JsonElement? found = content is null ? null : JsonDocument.Parse(content).RootElement.Clone();
        _found[(resourceType, url, version)] = found;
        return found;
    }

    private SearchParameterInfo Parameter(string resourceType, string code) =>
        definitions.SearchParameters.TryGet(resourceType, code, out var parameter)
            ? parameter
            : throw new InvalidOperationException($"The definitions lack {resourceType}.{code}.");
}
