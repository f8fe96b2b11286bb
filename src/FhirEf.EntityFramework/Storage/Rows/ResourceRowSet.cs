using FhirEf.Core.Schema;

namespace FhirEf.EntityFramework.Storage.Rows;

/// <summary>
/// The rows one version of a resource is stored as: the main row and the history row (values in
/// their table's column order), the references rows and the lookup rows.
/// </summary>
public sealed record ResourceRowSet(
    ResourceTableSchema Schema,
    object?[] Main,
    object?[] History,
    IReadOnlyList<object?[]> References,
    IReadOnlyList<(TableSchema Table, object?[] Row)> Lookups);
