namespace FhirEf.Cli.Schema;

/// <summary>
/// How Medplum stores a search parameter, read from the columns of its main table (the column kinds of
/// tests/data/medplum/README.md). Medplum names a parameter's columns after its code in camelCase, as FhirEf does.
/// </summary>
internal enum MedplumStorageKind
{
    /// <summary>A column every table has: <c>id</c>, <c>lastUpdated</c>, <c>_source</c>, <c>_profile</c>.</summary>
    FixedColumn,

    /// <summary>A column named after the code (TEXT, TEXT[], DATE, TIMESTAMPTZ, DOUBLE PRECISION, BOOLEAN…), plus <c>__codeIdentifierSort</c> for references.</summary>
    Column,

    /// <summary>Dedicated token columns: <c>__code</c> UUID[] (hashes of system|code), <c>__codeText</c> TEXT[], <c>__codeSort</c> TEXT.</summary>
    TokenColumns,

    /// <summary>Hashes in the table's shared <c>__sharedTokens</c> UUID[] (and <c>__sharedTokensText</c>), with its own <c>__codeSort</c>.</summary>
    SharedTokens,

    /// <summary>Rows of a lookup table (HumanName), with only a <c>__codeSort</c> column on the main table.</summary>
    LookupWithSort,

    /// <summary>No main-table column: a lookup table alone (Address), or not indexed (composite, full text).</summary>
    NoColumn,
}
