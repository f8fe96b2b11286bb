using FhirEf.Core.Bundles;
using FhirEf.Core.Errors;

namespace FhirEf.Api.ErrorHandling;

/// <summary>An entry failed, so the whole transaction failed: the entry's own error, with where it happened.</summary>
public sealed class TransactionEntryException : FhirException
{
    public TransactionEntryException(BundleEntryRequest entry, FhirException inner)
        : base($"{entry?.Expression} ({entry?.Describe()}): {inner?.Message}", inner?.IssueCode ?? "exception", inner?.Expression ?? entry?.Expression, inner)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(inner);
        Entry = entry;
        Inner = inner;
    }

    public BundleEntryRequest Entry { get; }

    public FhirException Inner { get; }
}
