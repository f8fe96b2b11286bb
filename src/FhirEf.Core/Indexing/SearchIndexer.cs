using System.Collections.Concurrent;
using System.Text.Json;
using FhirEf.Core.Definitions;
using FhirEf.Core.Errors;
using FhirEf.Core.FhirPath;
using FhirEf.Core.FhirPath.Compilation;
using FhirEf.Core.Indexing.Extraction;
using FhirEf.Core.Indexing.Values;
using FhirEf.Core.Resources;
using FhirEf.Core.Schema;

namespace FhirEf.Core.Indexing;

/// <summary>
/// Extracts every search value FhirEf stores for a resource (R4 search §3.1.1.4, docs/indexing.md): each
/// search parameter's FHIRPath expression evaluated and its results converted by parameter type and data
/// type, the compartments, the lookup-table rows, and the texts of <c>_text</c> and <c>_content</c>.
/// </summary>
/// <remarks>
/// <para>Per resource type a plan is prepared once, on first use: the parameters storage keeps, each
/// expression split into the union branches that can apply to the type, compiled, and walked directly
/// when it is plain navigation (<see cref="IndexPlanBuilder"/>, <see cref="PlannedBranch"/>). Thread-safe:
/// one instance serves the whole process.</para>
/// <para>Indexing does not fail for the content of a valid resource: a value that cannot be converted is
/// skipped, a parameter whose expression fails is skipped for that resource, and both are reported as
/// <see cref="IndexingDiagnostic"/>s. Only input that is not a resource of a known type is refused.</para>
/// </remarks>
public sealed class SearchIndexer : IResourceIndexer
{
    private readonly FhirDefinitions _definitions;
    private readonly SearchIndexerOptions _options;
    private readonly Lazy<IndexPlanBuilder> _planBuilder;
    private readonly Lazy<ContentText> _contentText;
    private readonly ConcurrentDictionary<string, Lazy<IndexPlan>> _plans = new(StringComparer.Ordinal);
    private readonly SearchValueConverter _converter;
    private readonly Lazy<int> _version;

    public SearchIndexer(FhirDefinitions definitions, SearchIndexerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        _definitions = definitions;
        _options = options ?? new SearchIndexerOptions();
        var localBases = _options.LocalBaseUrls
            .Where(url => !string.IsNullOrWhiteSpace(url))
            .Select(url => url.Trim().TrimEnd('/'))
            .ToList();
        _converter = new SearchValueConverter(new ValueKinds(definitions.Structures), new ReferenceValues(definitions.Structures, localBases));
        _planBuilder = new Lazy<IndexPlanBuilder>(() => new IndexPlanBuilder(
            definitions,
            TableSchemaBuilder.Build(definitions),
            new FhirPathCompiler(definitions.Structures)));
        _contentText = new Lazy<ContentText>(() => new ContentText(definitions.Structures));
        _version = new Lazy<int>(() => IndexerVersion.Compute(definitions.SearchParameters.All));
    }

    /// <summary>The version stored with every row (<see cref="IndexerVersion"/>): it changes with the search parameters of the definitions.</summary>
    public int Version => _version.Value;

    /// <exception cref="InvalidResourceException">The JSON is not a resource of a type the definitions know.</exception>
    public IndexedResource Index(JsonElement resource) => Index(resource, null);

    /// <summary>Indexes a resource and adds what was skipped to <paramref name="diagnostics"/> (as well as to <see cref="SearchIndexerOptions.OnDiagnostic"/>).</summary>
    /// <exception cref="InvalidResourceException">The JSON is not a resource of a type the definitions know.</exception>
    public IndexedResource Index(JsonElement resource, ICollection<IndexingDiagnostic>? diagnostics)
    {
        var root = Root(resource);
        var resourceType = root.TypeName!;
        var id = root.ResourceId ?? string.Empty;
        var plan = PlanFor(resourceType);
        var sink = DiagnosticSink.Create(resourceType, id, diagnostics, _options.OnDiagnostic);
        foreach (var issue in plan.Issues)
        {
            sink?.Report(IndexingDiagnosticSeverity.Error, issue.Parameter, issue.Message);
        }

        var valuesByParameter = new SearchValue[]?[plan.Parameters.Count];
        var values = new Dictionary<string, IReadOnlyList<SearchValue>>(StringComparer.Ordinal);
        List<LookupValue>? lookups = null;
        var session = ExtractionSession.Rent(_converter);
        try
        {
            for (var i = 0; i < plan.Parameters.Count; i++)
            {
                var parameter = plan.Parameters[i];
                var buffer = session.Values;
                buffer.Clear();
                try
                {
                    Extract(parameter, root, session, sink, ref lookups);
                }
                catch (FhirPathException e)
                {
                    sink?.Report(IndexingDiagnosticSeverity.Error, parameter.Code, e.Message);
                    continue;
                }
                catch (Exception e) when (e is not (OutOfMemoryException or ObjectDisposedException))
                {
                    // A converter bug must cost one parameter of one resource, not the write.
                    sink?.Report(IndexingDiagnosticSeverity.Error, parameter.Code, $"extraction failed: {e.GetType().Name}: {e.Message}");
                    continue;
                }

                if (buffer.Count == 0)
                {
                    continue;
                }

                var extracted = buffer.ToArray();
                valuesByParameter[i] = extracted;
                if (parameter.IsStored)
                {
                    values[parameter.Code] = extracted;
                }
            }
        }
        finally
        {
            session.Return();
        }

        return new IndexedResource
        {
            ResourceType = resourceType,
            Id = id,
            Values = values,
            Compartments = CompartmentMembership.Find(plan, id, valuesByParameter),
            Lookups = lookups is null ? [] : lookups,
            NarrativeText = plan.IndexesNarrative ? NarrativeText.Extract(resource) : null,
            ContentText = plan.IndexesContent ? _contentText.Value.Extract(resource) : null,
            IndexerVersion = Version,
        };
    }

    /// <summary>The prepared plan of a resource type (built on first use).</summary>
    internal IndexPlan PlanFor(string resourceType)
    {
        if (_plans.TryGetValue(resourceType, out var plan))
        {
            return plan.Value;
        }

        return _plans.GetOrAdd(resourceType, static (type, self) => new Lazy<IndexPlan>(() => self._planBuilder.Value.Build(type)), this).Value;
    }

    private ElementNode Root(JsonElement resource)
    {
        ElementNode root;
        try
        {
            root = ElementNode.FromResource(resource, _definitions.Structures);
        }
        catch (ArgumentException e)
        {
            throw new InvalidResourceException(e.Message);
        }

        if (!_definitions.Structures.IsConcreteResourceType(root.TypeName!))
        {
            throw new InvalidResourceException($"'{root.TypeName}' is not a FHIR resource type.", "resourceType");
        }

        return root;
    }

    private void Extract(ParameterPlan parameter, ElementNode root, ExtractionSession session, DiagnosticSink? sink, ref List<LookupValue>? lookups)
    {
        var items = session.RentItems();
        try
        {
            parameter.Expression.Evaluate(root, items);
            if (items.Count == 0)
            {
                return;
            }

            var output = session.Values;
            if (parameter.Type == SearchParamType.Composite)
            {
                CompositeValues.Add(parameter, items, session, sink, output);
                return;
            }

            foreach (var item in items)
            {
                if (item is not ElementNode node)
                {
                    if (!_converter.TryAddSystemValue(parameter.Type, item, output))
                    {
                        sink?.ReportUnconverted(parameter.Code, parameter.Type.ToString(), item);
                    }

                    continue;
                }

                var kind = _converter.Kinds.Of(node);
                if (!session.TryAdd(parameter.Type, node, kind, output))
                {
                    sink?.ReportUnconverted(parameter.Code, parameter.Type.ToString(), node);
                }

                if (parameter.IsStored && LookupValues.Create(kind, node.Json, parameter.Code) is { } lookup)
                {
                    (lookups ??= []).Add(lookup);
                }
            }
        }
        finally
        {
            session.ReturnItems(items);
        }
    }
}
