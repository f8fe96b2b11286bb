namespace FhirEf.Core.Indexing;

/// <summary>Settings of a <see cref="SearchIndexer"/>.</summary>
public sealed class SearchIndexerOptions
{
    /// <summary>
    /// This server's absolute base URLs (<c>https://fhir.example.org/fhir</c>): a reference under one of
    /// them is the literal reference it names (<c>https://fhir.example.org/fhir/Patient/1</c> is
    /// <c>Patient/1</c>), per R4 search §3.1.1.4.12. A trailing slash is ignored.
    /// </summary>
    public IReadOnlyList<string> LocalBaseUrls { get; init; } = [];

    /// <summary>Receives every <see cref="IndexingDiagnostic"/> (skipped values and parameters); nothing when null.</summary>
    public Action<IndexingDiagnostic>? OnDiagnostic { get; init; }
}
