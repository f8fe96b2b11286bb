using FhirEf.Core.Schema.Storage;

namespace FhirEf.Cli.Schema;

/// <summary>Short names of each side's storage strategies and column types, for the report's tables.</summary>
internal static class StorageLabels
{
    public static string FhirEf(SearchParameterStorage storage) => storage switch
    {
        StringStorage => "folded text + exact text[]",
        TokenStorage => "codes text[] + text + sort",
        DateStorage { OwnsColumns: true } => "start/end range",
        NumberStorage => "low/high range",
        QuantityStorage => "low/high range + units text[]",
        ReferenceStorage => "Type/id text[] + _References rows",
        UriStorage { OwnsColumn: true } => "text[]",
        CompositeStorage => "jsonb tuples",
        FullTextStorage => "tsvector",
        IdStorage => "primary key",
        DateStorage or UriStorage => "fixed column",
        UnsupportedStorage => "not indexed",
        _ => storage.GetType().Name,
    };

    public static string Medplum(MedplumParameterStorage storage) => storage.Kind switch
    {
        MedplumStorageKind.FixedColumn => "fixed column",
        MedplumStorageKind.Column when storage.Columns.Count > 1 => $"column {Type(storage.Columns[0].PgType)} + identifier sort",
        MedplumStorageKind.Column => $"column {Type(storage.Columns[0].PgType)}",
        MedplumStorageKind.TokenColumns => "hashed tokens uuid[] + text[] + sort",
        MedplumStorageKind.SharedTokens => "shared tokens + sort",
        MedplumStorageKind.LookupWithSort => "lookup table + sort",
        MedplumStorageKind.NoColumn => "no column",
        _ => storage.Kind.ToString(),
    };

    /// <summary>PostgreSQL's type names, shortened where PostgreSQL accepts the short form.</summary>
    public static string Type(string storeType) => storeType
        .Replace("timestamp with time zone", "timestamptz", StringComparison.Ordinal)
        .Replace("character varying", "varchar", StringComparison.Ordinal);
}
