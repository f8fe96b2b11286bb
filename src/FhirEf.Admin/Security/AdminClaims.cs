namespace FhirEf.Admin.Security;

/// <summary>The claims and roles admin tokens carry.</summary>
public static class AdminClaims
{
    public const string Role = "role";
    public const string Project = "project";

    /// <summary>May read the projects named by <see cref="Project"/> claims.</summary>
    public const string AdminRole = "admin";

    /// <summary>May read every project.</summary>
    public const string SuperAdminRole = "super-admin";

    /// <summary>The authentication scheme of the admin endpoints; FHIR routes do not use it.</summary>
    public const string Scheme = "FhirEfAdmin";

    public const string Policy = "FhirEfAdmin";
}
