using FhirEf.Core.Indexing;
using FhirEf.Core.Indexing.Text;
using FhirEf.Core.Indexing.Values;
using FhirEf.Core.Resources;
using FhirEf.Core.Schema;
using FhirEf.Core.Schema.Storage;
using FhirEf.EntityFramework.Modeling;

namespace FhirEf.EntityFramework.Storage.Rows;

/// <summary>
/// Lays an indexed resource out as rows: every search parameter's values go to its strategy's columns
/// (docs/adr/0002-search-column-strategies.md), literal references to the references table, structured
/// values to the lookup tables.
/// </summary>
public sealed class ResourceRowBuilder
{
    private readonly FhirSchema _schema;
    private readonly IFhirStorageProvider _provider;
    private readonly IResourceIndexer _indexer;

    public ResourceRowBuilder(FhirSchema schema, IFhirStorageProvider provider, IResourceIndexer indexer)
    {
        _schema = schema;
        _provider = provider;
        _indexer = indexer;
    }

    /// <summary>
    /// The rows of a live version, its search values extracted from the JSON as stored (with the
    /// server's <c>meta</c>): what every write path (repository, bulk writer, reindexing) stores.
    /// </summary>
    public ResourceRowSet BuildIndexed(StoredVersion version, string projectId, string method)
    {
        ArgumentNullException.ThrowIfNull(version);
        using var stored = FhirJson.Parse(version.Json ?? throw new ArgumentException("A live version has JSON.", nameof(version)));
        return Build(version, projectId, _indexer.Index(stored.RootElement), method);
    }

    /// <param name="version">Version, timestamps and the stored JSON (null for a deletion).</param>
    /// <param name="projectId">The tenant.</param>
    /// <param name="indexed">
    /// The search values; null for a deletion (the row keeps no search values) or a row left to the reindexer
    /// (<c>__version</c> 0, which is never the indexer's).
    /// </param>
    /// <param name="method">The interaction for the history row.</param>
    public ResourceRowSet Build(StoredVersion version, string projectId, IndexedResource? indexed, string method)
    {
        ArgumentNullException.ThrowIfNull(version);
        var resource = _schema.Resource(version.ResourceType);
        var main = new object?[resource.Main.Columns.Count];
        var mainColumns = ColumnIndex.For(resource.Main);

        main[mainColumns[FixedColumns.ProjectId]] = projectId;
        main[mainColumns[FixedColumns.Id]] = version.Id;
        main[mainColumns[FixedColumns.VersionId]] = version.VersionId;
        main[mainColumns[FixedColumns.LastUpdated]] = version.LastUpdated.UtcDateTime;
        main[mainColumns[FixedColumns.Deleted]] = version.Deleted;
        main[mainColumns[FixedColumns.Content]] = version.Json;
        main[mainColumns[FixedColumns.IndexerVersion]] = indexed?.IndexerVersion ?? 0;

        var references = new List<object?[]>();
        var lookups = new List<(TableSchema, object?[])>();
        if (indexed is not null)
        {
            FillSearchColumns(resource, indexed, main, mainColumns, references, projectId);
            FillLookups(indexed, lookups, projectId, version);
            if (mainColumns.TryGetValue(FixedColumns.Compartments, out var compartments) && indexed.Compartments.Count > 0)
            {
                main[compartments] = indexed.Compartments.ToArray();
            }
        }

        var history = new object?[resource.History.Columns.Count];
        var historyColumns = ColumnIndex.For(resource.History);
        history[historyColumns[FixedColumns.ProjectId]] = projectId;
        history[historyColumns[FixedColumns.Id]] = version.Id;
        history[historyColumns[FixedColumns.VersionId]] = version.VersionId;
        history[historyColumns[FixedColumns.LastUpdated]] = version.LastUpdated.UtcDateTime;
        history[historyColumns[FixedColumns.Deleted]] = version.Deleted;
        history[historyColumns[FixedColumns.Method]] = method;
        history[historyColumns[FixedColumns.Content]] = version.Json;

        return new ResourceRowSet(resource, main, history, references, lookups);
    }

    private void FillSearchColumns(
        ResourceTableSchema resource,
        IndexedResource indexed,
        object?[] row,
        IReadOnlyDictionary<string, int> columns,
        List<object?[]> references,
        string projectId)
    {
        var referenceIdentifiers = new List<string>();
        foreach (var (code, storage) in resource.Parameters)
        {
            if (storage is FullTextStorage fullText)
            {
                var text = code == "_text" ? indexed.NarrativeText : indexed.ContentText;
                row[columns[fullText.Column]] = _provider.FullTextValue(FullTextTerms.Split(text));
                continue;
            }

            if (!indexed.Values.TryGetValue(code, out var values) || values.Count == 0)
            {
                continue;
            }

            switch (storage)
            {
                case StringStorage s:
                    var strings = values.OfType<StringSearchValue>().Select(v => v.Value).Where(v => v.Length > 0).ToList();
                    if (strings.Count > 0)
                    {
                        row[columns[s.Normalized]] = ColumnValues.Joined(strings.Select(TextFolding.Fold));
                        row[columns[s.Exact]] = strings.Distinct(StringComparer.Ordinal).ToArray();
                    }

                    break;
                case TokenStorage t:
                    var tokens = values.OfType<TokenSearchValue>().ToList();
                    row[columns[t.Codes]] = ColumnValues.NullIfEmpty(ColumnValues.TokenEntries(tokens));
                    row[columns[t.Text]] = ColumnValues.Joined(tokens.Where(v => v.Text is not null).Select(v => TextFolding.Fold(v.Text!)));
                    row[columns[t.Sort]] = tokens.Select(v => v.Code).FirstOrDefault(c => c is not null);
                    break;
                case DateStorage { OwnsColumns: true } d:
                    var dates = values.OfType<DateSearchValue>().ToList();
                    if (dates.Count > 0)
                    {
                        row[columns[d.Start]] = ColumnValues.Timestamp(dates.Min(v => v.Start));
                        row[columns[d.End]] = ColumnValues.Timestamp(dates.Max(v => v.End));
                    }

                    break;
                case NumberStorage n:
                    var numbers = values.OfType<NumberSearchValue>().ToList();
                    if (numbers.Count > 0)
                    {
                        row[columns[n.Low]] = numbers.Min(v => v.Value);
                        row[columns[n.High]] = numbers.Max(v => v.Value);
                    }

                    break;
                case QuantityStorage q:
                    var quantities = values.OfType<QuantitySearchValue>().ToList();
                    if (quantities.Count > 0)
                    {
                        row[columns[q.Low]] = quantities.Min(v => v.Value);
                        row[columns[q.High]] = quantities.Max(v => v.Value);
                        row[columns[q.Units]] = ColumnValues.NullIfEmpty(ColumnValues.UnitEntries(quantities));
                    }

                    break;
                case ReferenceStorage r:
                    var referenceValues = values.OfType<ReferenceSearchValue>().ToList();
                    row[columns[r.Column]] = ColumnValues.NullIfEmpty(ColumnValues.ReferenceEntries(referenceValues));
                    references.AddRange(ColumnValues.ReferenceRows(referenceValues, projectId, indexed.Id, code));
                    referenceIdentifiers.AddRange(ColumnValues.ReferenceIdentifierEntries(referenceValues, code));
                    break;
                case UriStorage { OwnsColumn: true } u:
                    var uris = values.OfType<UriSearchValue>().Select(v => v.Value).Distinct(StringComparer.Ordinal).ToArray();
                    row[columns[u.Column]] = uris.Length == 0 ? null : uris;
                    break;
                case UriStorage u:
                    // _profile and _source reuse fixed columns.
                    var fixedUris = values.OfType<UriSearchValue>().Select(v => v.Value).Distinct(StringComparer.Ordinal).ToArray();
                    row[columns[u.Column]] = u.IsArray ? (fixedUris.Length == 0 ? null : fixedUris) : fixedUris.FirstOrDefault();
                    break;
                case CompositeStorage c:
                    row[columns[c.Column]] = CompositeJson.Write(values.OfType<CompositeSearchValue>());
                    break;
            }
        }

        row[columns[FixedColumns.ReferenceIdentifiers]] = ColumnValues.NullIfEmpty(referenceIdentifiers.Distinct(StringComparer.Ordinal).ToList());
    }

    private void FillLookups(IndexedResource indexed, List<(TableSchema, object?[])> lookups, string projectId, StoredVersion version)
    {
        var ordinals = new Dictionary<(string, string), int>();
        foreach (var lookup in indexed.Lookups)
        {
            var table = _schema.Lookups.First(t => t.Name == lookup.Table);
            var key = (lookup.Table, lookup.Code);
            var ordinal = ordinals.GetValueOrDefault(key);
            ordinals[key] = ordinal + 1;
            var row = new object?[table.Columns.Count];
            for (var i = 0; i < table.Columns.Count; i++)
            {
                row[i] = table.Columns[i].Name switch
                {
                    FixedColumns.ProjectId => projectId,
                    FixedColumns.ResourceType => version.ResourceType,
                    FixedColumns.ResourceId => version.Id,
                    FixedColumns.Code => lookup.Code,
                    FixedColumns.Ordinal => ordinal,
                    var name => lookup.Fields.GetValueOrDefault(name),
                };
            }

            lookups.Add((table, row));
        }
    }
}
