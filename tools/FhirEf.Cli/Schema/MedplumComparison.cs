using System.Collections.Frozen;
using FhirEf.Core.Definitions;
using FhirEf.Core.Schema;
using FhirEf.Core.Schema.Storage;
using FhirEf.EntityFramework.Npgsql.Schema;

namespace FhirEf.Cli.Schema;

/// <summary>
/// Compares FhirEf's schema with Medplum's, resource type by resource type: for each FhirEf search
/// parameter, FhirEf's strategy and columns beside the columns Medplum's main table has for the same code.
/// Pure: the FhirEf side is the schema and the tables of its EF model, the Medplum side the schema file.
/// </summary>
internal static class MedplumComparison
{
    /// <summary>
    /// Columns of every Medplum main table that belong to no single search parameter (the README's "fixed
    /// columns", plus the shared token columns); <c>_source</c>, <c>_profile</c>, <c>id</c> and
    /// <c>lastUpdated</c> also serve the parameters FhirEf maps to its own columns of those names.
    /// </summary>
    private static readonly FrozenSet<string> MedplumFixedColumns = FrozenSet.Create(
        StringComparer.Ordinal,
        "id", "content", "lastUpdated", "deleted", "projectId", "__version", "_source", "_profile", "compartments",
        "__sharedTokens", "__sharedTokensText");

    /// <param name="structures">Tells the parameters defined on abstract types (inherited by every type) from the others.</param>
    public static MedplumComparisonResult Compare(
        FhirSchema schema, StructureDefinitionRegistry structures, IReadOnlyList<TableSnapshot> fhirEfTables, MedplumSchema medplum)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(structures);
        ArgumentNullException.ThrowIfNull(fhirEfTables);
        ArgumentNullException.ThrowIfNull(medplum);
        var snapshots = fhirEfTables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var tables = schema.Tables.ToDictionary(t => t.Name, t => InSchemaOrder(snapshots[t.Name], t), StringComparer.Ordinal);
        var medplumMain = medplum.MainTables.ToDictionary(t => t.ResourceType!, StringComparer.Ordinal);
        var types = schema.Resources.Select(r => r.ResourceType).Union(medplumMain.Keys).Order(StringComparer.Ordinal);

        var comparisons = types.Select(type =>
        {
            var medplumTable = medplumMain.GetValueOrDefault(type);
            if (!schema.TryGetResource(type, out var resource))
            {
                return new ResourceTypeComparison(type, null, medplumTable, [], []);
            }

            var main = tables[resource.Main.Name];
            return medplumTable is null
                ? new ResourceTypeComparison(type, main, null, [], [])
                : CompareType(resource, main, medplumTable, structures);
        }).ToList();

        return new MedplumComparisonResult(
            medplum.MedplumVersion,
            FhirEfTotals(schema, tables),
            MedplumTotals(medplum),
            comparisons,
            [.. schema.Tables.Select(t => tables[t.Name])],
            schema.Tables.ToDictionary(t => t.Name, t => KindName(t.Kind), StringComparer.Ordinal),
            medplum.Tables);
    }

    /// <summary>The columns a FhirEf storage reads: its own, or the fixed column it reuses.</summary>
    private static IReadOnlyList<string> FhirEfColumns(SearchParameterStorage storage) => storage switch
    {
        IdStorage => [FixedColumns.Id],
        DateStorage { OwnsColumns: false } date => [date.Start],
        UriStorage { OwnsColumn: false } uri => [uri.Column],
        _ => [.. storage.OwnColumns.Select(c => c.Name)],
    };

    private static ResourceTypeComparison CompareType(
        ResourceTableSchema resource, TableSnapshot main, MedplumTable medplumTable, StructureDefinitionRegistry structures)
    {
        var fhirEfColumns = main.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var medplumColumns = medplumTable.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var explained = new HashSet<string>(MedplumFixedColumns, StringComparer.Ordinal);
        var parameters = new List<ParameterComparison>();
        foreach (var (code, storage) in resource.Parameters)
        {
            var medplumStorage = Classify(storage, medplumColumns);
            explained.UnionWith(medplumStorage.Columns.Select(c => c.Name));
            var inherited = storage.Parameter.Base.Any(type => structures.TryGetType(type, out var definition) && definition.IsAbstract);
            parameters.Add(new ParameterComparison(
                code, inherited, storage, [.. FhirEfColumns(storage).Select(name => fhirEfColumns[name])], medplumStorage));
        }

        return new ResourceTypeComparison(
            resource.ResourceType,
            main,
            medplumTable,
            parameters,
            [.. medplumTable.Columns.Where(c => !explained.Contains(c.Name))]);
    }

    /// <summary>Medplum's columns for the parameter's code, by Medplum's naming of each column kind.</summary>
    private static MedplumParameterStorage Classify(SearchParameterStorage storage, Dictionary<string, MedplumColumn> columns)
    {
        if (storage is IdStorage or DateStorage { OwnsColumns: false } or UriStorage { OwnsColumn: false })
        {
            return columns.TryGetValue(FhirEfColumns(storage)[0], out var fixedColumn)
                ? new MedplumParameterStorage(MedplumStorageKind.FixedColumn, [fixedColumn])
                : new MedplumParameterStorage(MedplumStorageKind.NoColumn, []);
        }

        var name = SchemaNames.Column(storage.Parameter.Code);
        MedplumColumn? Find(string column) =>
            !MedplumFixedColumns.Contains(column) && columns.TryGetValue(column, out var found) ? found : null;
        var sort = Find($"__{name}Sort");

        if (Find($"__{name}") is { } hashes && Find($"__{name}Text") is { } texts)
        {
            return new MedplumParameterStorage(MedplumStorageKind.TokenColumns, [hashes, texts, .. Optional(sort)]);
        }

        if (Find(name) is { } plain)
        {
            return new MedplumParameterStorage(MedplumStorageKind.Column, [plain, .. Optional(Find($"__{name}IdentifierSort"))]);
        }

        if (sort is not null)
        {
            var kind = storage.Parameter.Type == SearchParamType.Token ? MedplumStorageKind.SharedTokens : MedplumStorageKind.LookupWithSort;
            return new MedplumParameterStorage(kind, [sort]);
        }

        return new MedplumParameterStorage(MedplumStorageKind.NoColumn, []);
    }

    /// <summary>The model lists columns in its own order; the report shows them as the schema (and CREATE TABLE) orders them.</summary>
    private static TableSnapshot InSchemaOrder(TableSnapshot table, TableSchema schema)
    {
        var columns = table.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        return table with { Columns = [.. schema.Columns.Select(c => columns[c.Name])] };
    }

    private static IEnumerable<MedplumColumn> Optional(MedplumColumn? column) => column is null ? [] : [column];

    private static SchemaTotals FhirEfTotals(FhirSchema schema, Dictionary<string, TableSnapshot> tables) => new(
        [.. schema.Tables.GroupBy(t => KindName(t.Kind)).Select(kind => new KindTotals(
            kind.Key,
            kind.Count(),
            kind.Sum(t => tables[t.Name].Columns.Count),
            kind.Sum(t => tables[t.Name].Indexes.Count)))],
        schema.Tables.SelectMany(t => tables[t.Name].Indexes).CountBy(i => i.Method).ToDictionary(),
        schema.Tables.Count(t => t.PrimaryKey.Count > 0));

    private static SchemaTotals MedplumTotals(MedplumSchema medplum) => new(
        [.. medplum.Tables.GroupBy(t => t.Kind).Select(kind => new KindTotals(
            kind.Key,
            kind.Count(),
            kind.Sum(t => t.Columns.Count),
            kind.Sum(t => t.Indexes.Count)))],
        medplum.Tables.SelectMany(t => t.Indexes).CountBy(i => i.Method).ToDictionary(),
        medplum.Tables.Sum(t => t.Indexes.Count(i => i.PrimaryKey)));

    /// <summary>FhirEf's table kinds under Medplum's names, so the totals line up.</summary>
    private static string KindName(TableKind kind) => kind switch
    {
        TableKind.Resource => MedplumTable.MainKind,
        TableKind.History => MedplumTable.HistoryKind,
        TableKind.References => MedplumTable.ReferencesKind,
        TableKind.Lookup => MedplumTable.LookupKind,
        _ => kind.ToString(),
    };
}
