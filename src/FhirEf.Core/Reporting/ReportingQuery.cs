using Microsoft.OData;

namespace FhirEf.Core.Reporting;

/// <summary>
/// One OData request as <c>ODataUriParser</c> understood it: the path (entity set, key, <c>$count</c>,
/// <c>Resource</c>) and the query options as semantic trees, the tenants it may read, and the page to return.
/// </summary>
/// <param name="Uri">The parsed request; entity set names are table names.</param>
/// <param name="Scope">The tenants the caller may read.</param>
/// <param name="PageSize">Rows per page (the smaller of <c>$top</c> left and the server's maximum).</param>
/// <param name="Offset">Rows of the result already returned by earlier pages (the skip token).</param>
public sealed record ReportingQuery(ODataUri Uri, ReportingScope Scope, int PageSize, long Offset = 0);
