using System.ComponentModel.DataAnnotations;

namespace FhirEf.Core.Reporting;

/// <summary>Configuration section <c>Fhir:OData</c>: limits that protect live traffic from reporting.</summary>
public sealed class ReportingOptions
{
    public const string SectionName = "Fhir:OData";

    /// <summary>Most rows in one response; longer results page with <c>@odata.nextLink</c>.</summary>
    [Range(1, 100_000)]
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>Every reporting statement is cancelled after this long.</summary>
    [Range(1, 3600)]
    public int StatementTimeoutSeconds { get; set; } = 30;

    /// <summary>Longest request URL (path and query) accepted; longer ones get a 400 OData error.</summary>
    [Range(256, 10_000_000)]
    public int MaxUrlLength { get; set; } = 65_536;

    /// <summary>Most nodes in the <c>$filter</c>, <c>$orderby</c> and <c>$apply</c> trees of one request.</summary>
    [Range(1, 100_000)]
    public int MaxQueryNodes { get; set; } = 1000;

    /// <summary>Most groups one <c>$apply=groupby</c> may return.</summary>
    [Range(1, 10_000_000)]
    public int MaxGroups { get; set; } = 10_000;
}
