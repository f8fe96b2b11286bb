namespace FhirEf.Core.Jobs;

/// <summary>The three kick-off endpoints of Bulk Data export (https://hl7.org/fhir/uv/bulkdata/export.html).</summary>
public enum ExportLevel
{
    /// <summary><c>[base]/$export</c>: every resource of the tenant.</summary>
    System,

    /// <summary><c>[base]/Patient/$export</c>: the resources in the compartment of any patient.</summary>
    Patient,

    /// <summary><c>[base]/Group/[id]/$export</c>: the resources in the compartments of the group's member patients.</summary>
    Group,
}
