using System.Runtime.CompilerServices;
using System.Collections.Frozen;
using FhirEf.Core.Schema;

namespace FhirEf.EntityFramework.Storage.Rows;

/// <summary>Column name → position, per table, computed once.</summary>
internal static class ColumnIndex
{
    private static readonly ConditionalWeakTable<TableSchema, FrozenDictionary<string, int>> Cache = [];

    public static FrozenDictionary<string, int> For(TableSchema table) =>
        Cache.GetValue(table, t => t.Columns.Select((c, i) => (c.Name, i)).ToFrozenDictionary(p => p.Name, p => p.i, StringComparer.Ordinal));
}
