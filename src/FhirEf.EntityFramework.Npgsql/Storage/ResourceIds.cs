namespace FhirEf.EntityFramework.Npgsql.Storage;

/// <summary>The FHIR id syntax: <c>[A-Za-z0-9\-\.]{1,64}</c>.</summary>
internal static class ResourceIds
{
    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
