namespace FhirEf.Core.Bulk;

/// <summary>When an import fills the search indexes of the resources it stores.</summary>
public enum ImportIndexing
{
    /// <summary>Each batch stores its resources fully indexed: searchable as soon as the batch commits.</summary>
    Now,

    /// <summary>
    /// Load now, index later: each batch stores content, versions and history only (rows marked stale,
    /// <c>__version = 0</c>), so the resources are readable, exportable and in history at once; when the import
    /// completes a reindex job of the tenant is queued, and they become searchable as it runs.
    /// </summary>
    Later,
}
