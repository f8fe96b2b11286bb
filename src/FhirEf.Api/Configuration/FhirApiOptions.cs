using System.ComponentModel.DataAnnotations;

namespace FhirEf.Api.Configuration;

/// <summary>Configuration section <c>Fhir:Api</c>: limits and behaviour of the FHIR REST API.</summary>
public sealed class FhirApiOptions
{
    public const string SectionName = "Fhir:Api";

    /// <summary>Most entries accepted in one batch or transaction (more: 413).</summary>
    [Range(1, 1_000_000)]
    public int MaxBundleEntries { get; set; } = 10_000;

    /// <summary>Largest request body accepted, in bytes (more: 413). Kestrel's limit is set to the same value.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>History page size when the request gives no <c>_count</c>.</summary>
    [Range(1, 1000)]
    public int DefaultHistoryCount { get; set; } = 50;

    /// <summary>How long a stopping server waits for requests in flight to finish.</summary>
    [Range(1, 3600)]
    public int ShutdownTimeoutSeconds { get; set; } = 30;

    /// <summary>The FHIR base URL written into links and fullUrls (behind a proxy); empty: taken from each request.</summary>
    public string? PublicBaseUrl { get; set; }
}
