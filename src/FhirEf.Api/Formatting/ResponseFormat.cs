namespace FhirEf.Api.Formatting;

/// <summary>How a response is written: its media type, <c>_pretty</c>, <c>_summary</c> and <c>_elements</c>.</summary>
public sealed record ResponseFormat(string MediaType, bool Pretty, SummaryMode Summary, IReadOnlyList<string>? Elements)
{
    public static ResponseFormat Default { get; } = new(FhirMediaTypes.JsonWithCharset, false, SummaryMode.False, null);

    /// <summary>Whether resources are written as a subset (and tagged SUBSETTED).</summary>
    public bool Subsets => Summary is SummaryMode.True or SummaryMode.Text or SummaryMode.Data || Elements is { Count: > 0 };
}
