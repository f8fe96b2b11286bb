using FhirEf.Core.Definitions;
using FhirEf.Core.Schema.Storage;

namespace FhirEf.Core.Schema;

/// <summary>
/// Derives the tables from the definitions: StructureDefinitions decide which resource tables exist,
/// SearchParameters decide their search columns and indexes (docs/adr/0002-search-column-strategies.md).
/// Pure: no database, no EF.
/// </summary>
public static class TableSchemaBuilder
{
    public static FhirSchema Build(FhirDefinitions definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var resources = definitions.Structures.ResourceTypes
            .Select(type => BuildResource(type, definitions.SearchParameters.ForResource(type)))
            .ToList();
        return new FhirSchema(resources, LookupTables.All);
    }

    private static ResourceTableSchema BuildResource(string resourceType, IReadOnlyDictionary<string, SearchParameterInfo> parameters)
    {
        var columns = FixedResourceColumns(resourceType).ToList();
        var indexes = FixedResourceIndexes(resourceType, columns).ToList();
        var names = new HashSet<string>(columns.Select(c => c.Name), StringComparer.Ordinal);
        var storages = new SortedDictionary<string, SearchParameterStorage>(StringComparer.Ordinal);

        foreach (var parameter in parameters.Values.OrderBy(p => p.Code, StringComparer.Ordinal))
        {
            var storage = StorageFor(parameter);
            foreach (var column in storage.OwnColumns)
            {
                if (!names.Add(column.Name))
                {
                    throw new InvalidOperationException(
                        $"Search parameter '{parameter.Code}' of {resourceType} needs column \"{column.Name}\", which another column already uses.");
                }

                columns.Add(column);
            }

            indexes.AddRange(IndexesFor(resourceType, storage));
            storages[parameter.Code] = storage;
        }

        return new ResourceTableSchema(
            resourceType,
            new TableSchema(resourceType, TableKind.Resource, resourceType, columns, [FixedColumns.ProjectId, FixedColumns.Id], indexes),
            HistoryTable(resourceType),
            ReferencesTable(resourceType),
            storages);
    }

    private static IEnumerable<ColumnSchema> FixedResourceColumns(string resourceType)
    {
        yield return new(FixedColumns.ProjectId, ColumnType.Text, Nullable: false, FixedColumns.IdMaxLength);
        yield return new(FixedColumns.Id, ColumnType.Text, Nullable: false, FixedColumns.IdMaxLength);
        yield return new(FixedColumns.VersionId, ColumnType.Integer, Nullable: false);
        yield return new(FixedColumns.LastUpdated, ColumnType.Timestamp, Nullable: false);
        yield return new(FixedColumns.Deleted, ColumnType.Boolean, Nullable: false, DefaultSql: "false");
        yield return new(FixedColumns.Content, ColumnType.Text, Nullable: true);
        yield return new(FixedColumns.IndexerVersion, ColumnType.Integer, Nullable: false);
        yield return new(FixedColumns.Source, ColumnType.Text, Nullable: true);
        yield return new(FixedColumns.Profile, ColumnType.TextArray, Nullable: true);
        // A Binary has no patient, encounter or practitioner: no compartments (as in Medplum).
        if (resourceType != "Binary")
        {
            yield return new(FixedColumns.Compartments, ColumnType.TextArray, Nullable: true);
        }

        yield return new(FixedColumns.ReferenceIdentifiers, ColumnType.TextArray, Nullable: true);
    }

    private static IEnumerable<IndexSchema> FixedResourceIndexes(string table, IReadOnlyCollection<ColumnSchema> columns)
    {
        yield return BTree(table, FixedColumns.ProjectId, FixedColumns.LastUpdated);
        yield return BTree(table, FixedColumns.LastUpdated);
        yield return BTree(table, FixedColumns.Source);
        yield return Gin(table, FixedColumns.Profile);
        yield return Gin(table, FixedColumns.ReferenceIdentifiers);
        if (columns.Any(c => c.Name == FixedColumns.Compartments))
        {
            yield return Gin(table, FixedColumns.Compartments);
        }

        // The reindexer walks live rows older than the current indexer version.
        yield return new IndexSchema(
            SchemaNames.Index(table, ["reindex"]),
            [FixedColumns.IndexerVersion, FixedColumns.Id],
            IndexMethod.BTree,
            Filter: $"\"{FixedColumns.Deleted}\" = false");
    }

    private static SearchParameterStorage StorageFor(SearchParameterInfo parameter)
    {
        switch (parameter.Code)
        {
            case "_id":
                return new IdStorage(parameter);
            case "_lastUpdated":
                return new DateStorage(parameter, FixedColumns.LastUpdated, FixedColumns.LastUpdated, OwnsColumns: false);
            case "_profile":
                return new UriStorage(parameter, FixedColumns.Profile, IsArray: true, OwnsColumn: false);
            case "_source":
                return new UriStorage(parameter, FixedColumns.Source, IsArray: false, OwnsColumn: false);
            case "_text" or "_content":
                return new FullTextStorage(parameter, parameter.Code);
            case "_query":
                return new UnsupportedStorage(parameter, "named queries are not supported");
        }

        if (parameter.Expression is null)
        {
            return new UnsupportedStorage(parameter, "the parameter has no FHIRPath expression");
        }

        var column = SchemaNames.Column(parameter.Code);
        return parameter.Type switch
        {
            SearchParamType.String => new StringStorage(parameter, column, column + "Exact"),
            SearchParamType.Token => new TokenStorage(parameter, column, column + "Text", column + "Sort"),
            SearchParamType.Date => new DateStorage(parameter, column + "Start", column + "End"),
            SearchParamType.Number => new NumberStorage(parameter, column + "Low", column + "High"),
            SearchParamType.Quantity => new QuantityStorage(parameter, column + "Low", column + "High", column + "Units"),
            SearchParamType.Reference => new ReferenceStorage(parameter, column),
            SearchParamType.Uri => new UriStorage(parameter, column, IsArray: true),
            SearchParamType.Composite => new CompositeStorage(parameter, column),
            _ => new UnsupportedStorage(parameter, $"'{parameter.Type}' parameters (such as Location near) are not supported"),
        };
    }

    private static IEnumerable<IndexSchema> IndexesFor(string table, SearchParameterStorage storage)
    {
        switch (storage)
        {
            case StringStorage s:
                yield return Trigram(table, s.Normalized);
                break;
            case TokenStorage t:
                yield return Gin(table, t.Codes);
                yield return Trigram(table, t.Text);
                break;
            case DateStorage { OwnsColumns: true } d:
                yield return BTree(table, d.Start);
                yield return BTree(table, d.End);
                break;
            case NumberStorage n:
                yield return BTree(table, n.Low);
                yield return BTree(table, n.High);
                break;
            case QuantityStorage q:
                yield return BTree(table, q.Low);
                yield return BTree(table, q.High);
                break;
            case ReferenceStorage r:
                yield return Gin(table, r.Column);
                break;
            case UriStorage { OwnsColumn: true } u:
                yield return Gin(table, u.Column);
                break;
            case CompositeStorage c:
                yield return new IndexSchema(SchemaNames.Index(table, [c.Column]), [c.Column], IndexMethod.Gin, Operators: "jsonb_path_ops");
                break;
            case FullTextStorage f:
                yield return Gin(table, f.Column);
                break;
        }
    }

    private static TableSchema HistoryTable(string resourceType)
    {
        var name = SchemaNames.HistoryTable(resourceType);
        return new TableSchema(
            name,
            TableKind.History,
            resourceType,
            [
                new(FixedColumns.ProjectId, ColumnType.Text, Nullable: false, FixedColumns.IdMaxLength),
                new(FixedColumns.Id, ColumnType.Text, Nullable: false, FixedColumns.IdMaxLength),
                new(FixedColumns.VersionId, ColumnType.Integer, Nullable: false),
                new(FixedColumns.LastUpdated, ColumnType.Timestamp, Nullable: false),
                new(FixedColumns.Deleted, ColumnType.Boolean, Nullable: false, DefaultSql: "false"),
                new(FixedColumns.Method, ColumnType.Text, Nullable: false, MaxLength: 8),
                new(FixedColumns.Content, ColumnType.Text, Nullable: true),
            ],
            [FixedColumns.ProjectId, FixedColumns.Id, FixedColumns.VersionId],
            [BTree(name, FixedColumns.ProjectId, FixedColumns.LastUpdated)]);
    }

    private static TableSchema ReferencesTable(string resourceType)
    {
        var name = SchemaNames.ReferencesTable(resourceType);
        return new TableSchema(
            name,
            TableKind.References,
            resourceType,
            [
                new(FixedColumns.ProjectId, ColumnType.Text, Nullable: false, FixedColumns.IdMaxLength),
                new(FixedColumns.ResourceId, ColumnType.Text, Nullable: false, FixedColumns.IdMaxLength),
                new(FixedColumns.Code, ColumnType.Text, Nullable: false),
                new(FixedColumns.TargetType, ColumnType.Text, Nullable: false),
                new(FixedColumns.TargetId, ColumnType.Text, Nullable: false, FixedColumns.IdMaxLength),
            ],
            [FixedColumns.ProjectId, FixedColumns.ResourceId, FixedColumns.Code, FixedColumns.TargetType, FixedColumns.TargetId],
            [
                // Reverse lookups (_has, _revinclude) know the target id, code and type, and the tenant
                // filter adds the project: client-assigned ids such as "1" repeat across both.
                new IndexSchema(
                    SchemaNames.Index(name, [FixedColumns.TargetId, FixedColumns.Code]),
                    [FixedColumns.TargetId, FixedColumns.Code, FixedColumns.TargetType, FixedColumns.ProjectId],
                    IndexMethod.BTree,
                    Include: [FixedColumns.ResourceId]),
            ]);
    }

    internal static IndexSchema BTree(string table, params string[] columns) =>
        new(SchemaNames.Index(table, columns), columns, IndexMethod.BTree);

    internal static IndexSchema Gin(string table, string column) =>
        new(SchemaNames.Index(table, [column]), [column], IndexMethod.Gin);

    internal static IndexSchema Trigram(string table, string column) =>
        new(SchemaNames.Index(table, [column], "trgm_idx"), [column], IndexMethod.Gin, Operators: "gin_trgm_ops");
}
