namespace FhirEf.Core.Schema;

/// <summary>
/// An index. <paramref name="Operators"/> names the operator class of every key (<c>gin_trgm_ops</c>,
/// <c>jsonb_path_ops</c>); <paramref name="Filter"/> makes it partial; <paramref name="Include"/> adds covering columns.
/// </summary>
public sealed record IndexSchema(
    string Name,
    IReadOnlyList<string> Columns,
    IndexMethod Method,
    string? Operators = null,
    bool Unique = false,
    string? Filter = null,
    IReadOnlyList<string>? Include = null);
