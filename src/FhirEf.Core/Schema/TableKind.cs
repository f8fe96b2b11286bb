namespace FhirEf.Core.Schema;

public enum TableKind
{
    /// <summary><c>"Patient"</c>: the current version of each resource and its search columns.</summary>
    Resource,

    /// <summary><c>"Patient_History"</c>: every version, deletes included; append-only.</summary>
    History,

    /// <summary><c>"Patient_References"</c>: one row per literal reference, for chains, <c>_has</c> and <c>_revinclude</c>.</summary>
    References,

    /// <summary>Shared tables of structured values (HumanName, Address, ContactPoint, Identifier).</summary>
    Lookup,
}
