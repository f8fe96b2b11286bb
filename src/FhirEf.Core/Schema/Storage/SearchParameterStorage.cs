using FhirEf.Core.Definitions;

namespace FhirEf.Core.Schema.Storage;

/// <summary>
/// How one search parameter is stored on its resource table: which columns, in which strategy
/// (docs/adr/0002-search-column-strategies.md). The indexer fills these columns; the search
/// translator reads them.
/// </summary>
public abstract record SearchParameterStorage(SearchParameterInfo Parameter)
{
    /// <summary>The columns this parameter owns on the resource table (none for fixed columns it reuses).</summary>
    public abstract IEnumerable<ColumnSchema> OwnColumns { get; }
}
