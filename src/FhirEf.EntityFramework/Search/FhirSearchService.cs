using System.Diagnostics;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Definitions;
using FhirEf.Core.Errors;
using FhirEf.Core.Schema;
using FhirEf.Core.Search.Binding;
using FhirEf.Core.Search.Expressions;
using FhirEf.Core.Search.Syntax;
using FhirEf.EntityFramework.Search.Includes;
using FhirEf.EntityFramework.Search.Paging;
using FhirEf.EntityFramework.Search.Terminology;
using FhirEf.EntityFramework.Search.Translation;
using FhirEf.EntityFramework.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirEf.EntityFramework.Search;

/// <summary>
/// FHIR search over the EF Core model: parse, bind (<see cref="SearchBinder"/>), translate to a LINQ
/// predicate (<see cref="SearchPredicateTranslator"/>), page, count and include. Each page is one SQL
/// round trip, each include round one more; totals are counted only when <c>_total</c> asks.
/// </summary>
public sealed partial class FhirSearchService : IFhirSearchService
{
    private readonly IFhirDbContextSource _contexts;
    private readonly FhirDefinitions _definitions;
    private readonly FhirSchema _schema;
    private readonly ISearchPredicateProvider _provider;
    private readonly TimeProvider _time;
    private readonly SearchOptions _options;
    private readonly SearchLimits _limits;
    private readonly SearchBinder _binder;
    private readonly ILogger<FhirSearchService> _logger;

    public FhirSearchService(
        IFhirDbContextSource contexts,
        FhirDefinitions definitions,
        FhirSchema schema,
        ISearchPredicateProvider provider,
        TimeProvider time,
        IOptions<SearchOptions> options,
        ILogger<FhirSearchService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _contexts = contexts;
        _definitions = definitions;
        _schema = schema;
        _provider = provider;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _limits = new SearchLimits
        {
            DefaultCount = _options.DefaultCount,
            MaxCount = _options.MaxCount,
            MaxChainDepth = _options.MaxChainDepth,
            MaxValuesPerParameter = _options.MaxValuesPerParameter,
        };
        _binder = new SearchBinder(definitions, schema, _limits);
    }

    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = SearchQueryParser.Parse(request.Parameters, _limits);
        var context = await _contexts.ContextAsync(cancellationToken);
        return await WithTimeoutAsync(context, async () =>
        {
            var issues = new List<SearchIssue>();
            var bound = Bind(request, query, issues);
            return await ExecuteAsync(context, bound, query.Controls, request.Parameters, issues, cancellationToken);
        });
    }

    /// <summary>
    /// The SQL (EF Core's <c>ToQueryString</c>, parameters listed with their values) of the first page of
    /// <paramref name="request"/>, for SQL baselines and diagnostics. Only terminology lookups run.
    /// </summary>
    public async Task<string> PageSqlAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = SearchQueryParser.Parse(request.Parameters, _limits);
        var context = await _contexts.ContextAsync(cancellationToken);
        var translator = new SearchPredicateTranslator(_schema, _provider, _time, context.Table);
        var bound = await ExpandTerminologyAsync(context, translator, Bind(request, query, []), cancellationToken);
        var page = new PageQuery(this, context, translator, bound, query.Controls, query.Controls.Count ?? _limits.DefaultCount, _options, _logger);
        return page.Rows(null).ToQueryString();
    }

    private List<BoundSearch> Bind(SearchRequest request, SearchQuery query, List<SearchIssue> issues)
    {
        var types = request.ResourceType is { } type ? [type] : SystemSearchTypes(query);
        var bound = new List<BoundSearch>();
        foreach (var resourceType in types)
        {
            var search = _binder.Bind(resourceType, query, request.Strict);
            if (request.CompartmentType is { } compartment)
            {
                if (!InCompartment(compartment, resourceType))
                {
                    continue;
                }

                var member = new CompartmentExpression(compartment, request.CompartmentId!);
                search = search with { Filter = search.Filter is null ? member : new AndExpression([member, search.Filter]) };
            }

            bound.Add(search);
            issues.AddRange(search.Issues.Where(i => !issues.Contains(i)));
        }

        return bound;
    }

    public async Task<SearchResult> EverythingAsync(string patientId, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(patientId);
        ArgumentNullException.ThrowIfNull(parameters);
        var since = parameters.Where(p => p.Key == "_since").Select(p => p.Value).LastOrDefault();
        var controlParameters = parameters.Where(p => p.Key is "_count" or "_cursor" or "_type").ToList();
        var query = SearchQueryParser.Parse(controlParameters, _limits);
        var context = await _contexts.ContextAsync(cancellationToken);
        if (!await context.Table("Patient").AnyAsync(p => EF.Property<string>(p, FixedColumns.Id) == patientId && !EF.Property<bool>(p, FixedColumns.Deleted), cancellationToken))
        {
            throw new ResourceNotFoundException($"Patient/{patientId} does not exist.");
        }

        SearchExpression? sinceFilter = null;
        if (since is not null)
        {
            _definitions.SearchParameters.TryGet("Patient", "_lastUpdated", out var lastUpdated);
            sinceFilter = Core.Search.Values.SearchDate.TryParse(since, out var date)
                ? new DateExpression(lastUpdated!, Core.Search.Values.SearchPrefix.Ge, date with { End = date.Start })
                : throw new InvalidSearchException("_since", since, "expected an instant.");
        }

        var types = query.Controls.Types.Count > 0 ? query.Controls.Types : ["Patient", .. PatientCompartmentTypes()];
        var bound = new List<BoundSearch>();
        foreach (var type in types)
        {
            _binder.RequireType(type, "_type");
            SearchExpression membership = type == "Patient"
                ? new IdExpression([patientId])
                : new CompartmentExpression("Patient", patientId);
            if (type != "Patient" && !InCompartment("Patient", type))
            {
                continue;
            }

            bound.Add(new BoundSearch(type, sinceFilter is null ? membership : new AndExpression([membership, sinceFilter]), query.Controls, []));
        }

        return await WithTimeoutAsync(context, () =>
            ExecuteAsync(context, bound, query.Controls with { Includes = [new IncludeSyntax("*", "*", null, false)] }, parameters, [], cancellationToken));
    }

    private async Task<SearchResult> ExecuteAsync(
        FhirDbContext context,
        IReadOnlyList<BoundSearch> searches,
        SearchControls controls,
        IReadOnlyList<KeyValuePair<string, string>> parameters,
        List<SearchIssue> issues,
        CancellationToken cancellationToken)
    {
        var translator = new SearchPredicateTranslator(_schema, _provider, _time, context.Table);
        searches = await ExpandTerminologyAsync(context, translator, searches, cancellationToken);
        var count = controls.Count ?? _limits.DefaultCount;
        var stopwatch = Stopwatch.StartNew();
        var page = new PageQuery(this, context, translator, searches, controls, count, _options, _logger);
        long? total = controls.Summary == "count" || controls.Total == TotalMode.Accurate
            ? await page.CountAsync(cancellationToken)
            : controls.Total == TotalMode.Estimate ? await page.EstimateAsync(_options.EstimateLimit, cancellationToken) : null;
        if (controls.Summary == "count" || count == 0)
        {
            return new SearchResult { Entries = [], Total = total, SelfParameters = parameters, Issues = issues, Summary = controls.Summary };
        }

        var (rows, next, previous) = await page.FetchAsync(cancellationToken);
        var included = controls.Includes.Count + controls.RevIncludes.Count > 0
            ? await new IncludeLoader(context, _definitions, _schema, _options).LoadAsync(rows, controls.Includes, controls.RevIncludes, cancellationToken)
            : [];
        await page.ExplainIfSlowAsync(stopwatch.Elapsed, cancellationToken);

        var entries = rows.Select(r => new SearchEntry(ToVersion(r), SearchEntryMode.Match))
            .Concat(included.Select(r => new SearchEntry(ToVersion(r), SearchEntryMode.Include)))
            .ToList();
        return new SearchResult
        {
            Entries = entries,
            Total = total,
            NextPage = next is null ? null : WithCursor(parameters, next),
            PreviousPage = previous is null ? null : WithCursor(parameters, previous),
            SelfParameters = parameters,
            Issues = issues,
            Summary = controls.Summary,
            Elements = controls.Elements,
        };
    }

    /// <summary>Expands <c>:in</c>, <c>:not-in</c>, <c>:below</c>, <c>:above</c> against the terminology resources of the tenant.</summary>
    private async Task<IReadOnlyList<BoundSearch>> ExpandTerminologyAsync(
        FhirDbContext context, SearchPredicateTranslator translator, IReadOnlyList<BoundSearch> searches, CancellationToken cancellationToken)
    {
        var expander = new ValueSetExpander(new TerminologyResources(context, _definitions, translator), _options.MaxExpansionCodes);
        var expanded = new List<BoundSearch>(searches.Count);
        foreach (var search in searches)
        {
            expanded.Add(search.Filter is null ? search : search with { Filter = await TerminologyRewriter.RewriteAsync(search.Filter, expander, cancellationToken) });
        }

        return expanded;
    }

    private async Task<SearchResult> WithTimeoutAsync(FhirDbContext context, Func<Task<SearchResult>> search)
    {
        var previous = context.Database.GetCommandTimeout();
        context.Database.SetCommandTimeout(_options.StatementTimeoutSeconds);
        try
        {
            return await search();
        }
        catch (Exception e) when (DatabaseTimeouts.IsTimeout(e))
        {
            throw new SearchTimeoutException(_options.StatementTimeoutSeconds, e);
        }
        finally
        {
            context.Database.SetCommandTimeout(previous);
        }
    }

    private static ResourceVersion ToVersion(SearchRow row) =>
        new(row.ResourceType, row.Id, row.VersionId, new DateTimeOffset(row.LastUpdated, TimeSpan.Zero), false, row.Content);

    private static List<KeyValuePair<string, string>> WithCursor(IReadOnlyList<KeyValuePair<string, string>> parameters, PageCursor cursor) =>
        [.. parameters.Where(p => p.Key is not ("_cursor" or "_offset")), new("_cursor", cursor.Format())];

    private IReadOnlyList<string> SystemSearchTypes(SearchQuery query)
    {
        var types = query.Controls.Types.Count > 0 ? query.Controls.Types : _schema.ResourceTypes;
        foreach (var type in types)
        {
            _binder.RequireType(type, "_type");
        }

        // A type that lacks one of the filter parameters cannot match them: leave it out rather than widen the search.
        return [.. types.Where(type => query.Filters.All(f => f.Name == "_has" || _definitions.SearchParameters.TryGet(type, f.Name, out _)))];
    }

    private bool InCompartment(string compartment, string resourceType) =>
        resourceType == compartment || _definitions.Compartments.For(resourceType).Any(c => c.Compartment.Code == compartment);

    private IEnumerable<string> PatientCompartmentTypes() =>
        _definitions.Compartments.TryGet("Patient", out var patient)
            ? patient.ParametersByResource.Where(p => p.Value.Count > 0 && p.Key != "Patient").Select(p => p.Key).Order(StringComparer.Ordinal)
            : [];

    internal FhirSchema Schema => _schema;

    internal int TypeOrder(string resourceType)
    {
        for (var i = 0; i < _schema.Resources.Count; i++)
        {
            if (_schema.Resources[i].ResourceType == resourceType)
            {
                return i;
            }
        }

        return -1;
    }
}
