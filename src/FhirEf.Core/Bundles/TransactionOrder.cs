namespace FhirEf.Core.Bundles;

/// <summary>
/// The order a transaction is processed in (https://hl7.org/fhir/R4/http.html#trules): DELETE, then
/// POST, then PUT and PATCH, then GET and HEAD; entries keep their Bundle order within each step.
/// </summary>
public static class TransactionOrder
{
    public static int Step(BundleEntryMethod method) => method switch
    {
        BundleEntryMethod.Delete => 0,
        BundleEntryMethod.Post => 1,
        BundleEntryMethod.Put or BundleEntryMethod.Patch => 2,
        _ => 3,
    };

    /// <summary>The entries in processing order (a stable sort by <see cref="Step"/>).</summary>
    public static IReadOnlyList<BundleEntryRequest> Sort(IReadOnlyList<BundleEntryRequest> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return entries.OrderBy(e => Step(e.Method)).ThenBy(e => e.Index).ToArray();
    }
}
