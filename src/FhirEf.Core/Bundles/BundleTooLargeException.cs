using FhirEf.Core.Errors;

namespace FhirEf.Core.Bundles;

/// <summary>A batch or transaction has more entries than the server accepts (HTTP 413).</summary>
public sealed class BundleTooLargeException : FhirException
{
    public BundleTooLargeException(int entries, int limit)
        : base($"The Bundle has {entries} entries; this server accepts at most {limit} in one batch or transaction.", "too-long", "Bundle.entry")
    {
        Entries = entries;
        Limit = limit;
    }

    public int Entries { get; }

    public int Limit { get; }
}
