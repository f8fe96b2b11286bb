using System.ComponentModel.DataAnnotations;

namespace FhirEf.Core.Jobs;

/// <summary><c>Fhir:Export</c>: where export files are written (relative paths are under the content root), and how many at once.</summary>
public sealed class ExportOptions
{
    public const string SectionName = "Fhir:Export";

    [Required]
    public string Folder { get; set; } = ".data/export";

    /// <summary>
    /// How many types an export writes at the same time, each one streamed query on a connection of its own.
    /// One stream runs at the pace of the one PostgreSQL backend that decompresses its <c>content</c>, so
    /// the export uses one core; a stream per core uses them all. Default: the processor count (at most 64).
    /// </summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = Math.Min(Environment.ProcessorCount, 64);

    /// <summary>The folder of one job's files.</summary>
    public string JobFolder(string rootDirectory, Guid jobId) =>
        Path.Combine(Path.GetFullPath(Folder, rootDirectory), jobId.ToString("N"));
}
