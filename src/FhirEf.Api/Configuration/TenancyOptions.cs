using System.ComponentModel.DataAnnotations;
using FhirEf.Core.Abstractions;

namespace FhirEf.Api.Configuration;

/// <summary>Configuration section <c>Fhir:Tenancy</c>.</summary>
public sealed class TenancyOptions
{
    public const string SectionName = "Fhir:Tenancy";

    /// <summary>The project (tenant) every request acts in until requests carry their own.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DefaultProjectId { get; set; } = TenantContext.DefaultProjectId;
}
