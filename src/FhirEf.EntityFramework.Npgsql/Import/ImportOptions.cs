using System.ComponentModel.DataAnnotations;

namespace FhirEf.EntityFramework.Npgsql.Import;

/// <summary>Configuration section <c>Fhir:Import</c>: what <c>$import</c> may read and how it batches.</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Fhir:Import";

    /// <summary>
    /// The folder server-local inputs must lie under (relative paths and <c>file:</c> URLs resolve
    /// against it); relative to the content root. Empty: no server-local inputs.
    /// </summary>
    public string? Root { get; set; }

    /// <summary>URL prefixes (<c>https://data.example.org/exports/</c>) the server may download inputs from.</summary>
    public IList<string> AllowedUrlPrefixes { get; } = [];

    /// <summary>
    /// Resources per transaction at most: each commits its rows and the job's progress together. A batch's
    /// resources, their indexes and rows are in memory together, so batches (this, and
    /// <see cref="BatchKilobytes"/>) set the server's memory during an import (docs/benchmarks.md, "Bulk import").
    /// </summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// A batch also ends once its records hold this many KiB of JSON text: a batch's memory grows with the size of
    /// its resources, not their number (500 ExplanationOfBenefits of Synthea are 2.9 MB, 500 Observations 0.45 MB).
    /// </summary>
    [Range(1, 1_048_576)]
    public int BatchKilobytes { get; set; } = DefaultBatchKilobytes;

    public const int DefaultBatchKilobytes = 1_024;

    /// <summary>How often the worker looks for queued jobs.</summary>
    [Range(1, 3_600)]
    public int PollSeconds { get; set; } = 2;
}
