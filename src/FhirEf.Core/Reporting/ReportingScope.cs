namespace FhirEf.Core.Reporting;

/// <summary>
/// The tenants a reporting query may read: an admin sees the projects their token names, a
/// super-admin every project (<see cref="Projects"/> null).
/// </summary>
public sealed record ReportingScope(IReadOnlyList<string>? Projects)
{
    public static ReportingScope Everything { get; } = new((IReadOnlyList<string>?)null);

    public static ReportingScope Of(params string[] projects) => new(projects);

    public bool IsEverything => Projects is null;
}
