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

    /// <summary>Resources per transaction: each commits its rows and the job's progress together.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 2_000;

    /// <summary>How often the worker looks for queued jobs.</summary>
    [Range(1, 3_600)]
    public int PollSeconds { get; set; } = 2;
}
