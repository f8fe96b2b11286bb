using System.ComponentModel.DataAnnotations;

namespace FhirEf.Core.Jobs;

/// <summary><c>Fhir:Export</c>: where export files are written (relative paths are under the content root).</summary>
public sealed class ExportOptions
{
    public const string SectionName = "Fhir:Export";

    [Required]
    public string Folder { get; set; } = ".data/export";

    /// <summary>The folder of one job's files.</summary>
    public string JobFolder(string rootDirectory, Guid jobId) =>
        Path.Combine(Path.GetFullPath(Folder, rootDirectory), jobId.ToString("N"));
}
