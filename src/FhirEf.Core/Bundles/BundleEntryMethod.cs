namespace FhirEf.Core.Bundles;

/// <summary>Bundle.entry.request.method (R4 value set http-verb).</summary>
public enum BundleEntryMethod
{
    Get,
    Head,
    Post,
    Put,
    Delete,
    Patch,
}
