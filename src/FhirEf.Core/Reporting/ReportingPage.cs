namespace FhirEf.Core.Reporting;

/// <summary>
/// A page of a reporting query: each row maps property names (or <c>$apply</c> aliases) to values
/// (<see cref="string"/>, <see cref="int"/>, <see cref="decimal"/>, <see cref="DateTimeOffset"/>, <see cref="bool"/>,
/// <see cref="long"/>, string arrays, or null).
/// </summary>
/// <param name="Rows">The rows, in the requested order.</param>
/// <param name="Count">The number of rows the query matches regardless of paging, when <c>$count=true</c>.</param>
/// <param name="HasMore">Whether rows follow this page (within <c>$top</c>): the caller writes a next link.</param>
public sealed record ReportingPage(IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows, long? Count, bool HasMore);
