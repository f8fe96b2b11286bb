using System.ComponentModel.DataAnnotations;

namespace FhirEf.EntityFramework.Npgsql.Jobs;

/// <summary><c>Fhir:Jobs</c>: how often the worker looks for jobs, and when a running job counts as abandoned.</summary>
public sealed class JobOptions
{
    public const string SectionName = "Fhir:Jobs";

    [Range(0.05, 60)]
    public double PollSeconds { get; set; } = 0.5;

    /// <summary>A running job not updated for this long is taken over (its worker updates it after every batch).</summary>
    [Range(5, 3600)]
    public int StaleAfterSeconds { get; set; } = 60;
}
