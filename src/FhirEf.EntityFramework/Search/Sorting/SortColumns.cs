using FhirEf.Core.Schema;
using FhirEf.Core.Schema.Storage;

namespace FhirEf.EntityFramework.Search.Sorting;

/// <summary>
/// The column a <c>_sort</c> key orders by (R4 search §3.1.1.5.1: the lowest value ascending, the highest
/// descending): strings by their joined folded values (first value), tokens by their sort code, dates by
/// start ascending and end descending, numbers and quantities by their smallest/largest value.
/// </summary>
internal static class SortColumns
{
    public static (string Column, Type Type)? For(ResourceTableSchema resource, string code, bool descending)
    {
        if (!resource.TryGetStorage(code, out var storage))
        {
            return null;
        }

        return storage switch
        {
            IdStorage => (FixedColumns.Id, typeof(string)),
            DateStorage { OwnsColumns: false } => (FixedColumns.LastUpdated, typeof(DateTime)),
            DateStorage d => (descending ? d.End : d.Start, typeof(DateTime?)),
            StringStorage s => (s.Normalized, typeof(string)),
            TokenStorage t => (t.Sort, typeof(string)),
            NumberStorage n => (descending ? n.High : n.Low, typeof(decimal?)),
            QuantityStorage q => (descending ? q.High : q.Low, typeof(decimal?)),
            UriStorage { IsArray: false } u => (u.Column, typeof(string)),
            _ => null,
        };
    }
}
