namespace FhirEf.Core.Bundles;

/// <summary>The Bundle types a server processes when they are POSTed to its base (https://hl7.org/fhir/R4/http.html#transaction).</summary>
public enum BundleKind
{
    /// <summary>Independent entries, each with its own outcome.</summary>
    Batch,

    /// <summary>All entries succeed or fail together.</summary>
    Transaction,
}
