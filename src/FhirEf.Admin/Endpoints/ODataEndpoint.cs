using System.Globalization;
using FhirEf.Admin.Edm;
using FhirEf.Admin.Payloads;
using FhirEf.Admin.Security;
using FhirEf.Core.Reporting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.OData;
using Microsoft.OData.UriParser;
using Microsoft.OData.UriParser.Aggregation;

namespace FhirEf.Admin.Endpoints;

/// <summary>
/// <c>GET /odata/…</c>: the service document, <c>$metadata</c>, entity sets (with <c>$count</c>), single
/// entities by key and their <c>Resource</c> JSON. ODataUriParser reads the URL against the EDM; the
/// semantic tree goes to <see cref="IReportingQueryService"/>, which runs it in PostgreSQL. Errors are
/// thrown and written by <see cref="ODataExceptionHandler"/>.
/// </summary>
internal sealed class ODataEndpoint(ODataService service, IReportingQueryService queries, IOptions<ReportingOptions> options, IOptions<AdminJwtOptions> jwt)
{
    public const string RoutePrefix = "/odata";

    private readonly ReportingOptions _options = options.Value;

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var relativePath = request.Path.Value![RoutePrefix.Length..].TrimStart('/');
        var query = request.QueryString.Value ?? string.Empty;
        if (request.Path.Value.Length + query.Length > _options.MaxUrlLength)
        {
            throw new InvalidReportingQueryException($"The URL is longer than the {_options.MaxUrlLength} characters this service accepts.");
        }

        var serviceRoot = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{RoutePrefix}/");
        var format = Format(request);
        if (relativePath.Length == 0)
        {
            await CopyAsync(http, ODataPayloads.ServiceDocument(service.Model, serviceRoot, format));
            return;
        }

        if (relativePath == "$metadata")
        {
            http.Response.ContentType = "application/xml; charset=utf-8";
            http.Response.Headers["OData-Version"] = "4.0";
            await http.Response.Body.WriteAsync(service.Csdl, http.RequestAborted);
            return;
        }

        var applied = request.Query.ContainsKey("$apply");
        var uri = Parse(serviceRoot, new PathString("/" + relativePath).ToUriComponent().TrimStart('/') + Without(query, applied ? ["$format", "$orderby"] : ["$format"]));
        var set = uri.Path.FirstSegment is EntitySetSegment entitySet ? entitySet.EntitySet
            : throw new InvalidReportingQueryException("The path must start with an entity set.");
        if (applied)
        {
            uri.OrderBy = AggregateOrderBy.Parse(request.Query["$orderby"], set);
        }

        var reporting = new ReportingQuery(uri, AdminScopes.Of(http.User, jwt.Value), _options.MaxPageSize, Offset(uri.SkipToken));
        switch (uri.Path.LastSegment)
        {
            case CountSegment:
                var count = await queries.CountAsync(reporting, http.RequestAborted);
                http.Response.ContentType = "text/plain; charset=utf-8";
                http.Response.Headers["OData-Version"] = "4.0";
                await http.Response.WriteAsync(count.ToString(CultureInfo.InvariantCulture), http.RequestAborted);
                return;
            case PropertySegment { Property.Name: FhirEdmModelBuilder.ResourceProperty }:
                var content = await queries.ContentAsync(reporting, http.RequestAborted) ?? throw NotFound(relativePath);
                http.Response.ContentType = "application/fhir+json; charset=utf-8";
                await http.Response.WriteAsync(content, http.RequestAborted);
                return;
            case EntitySetSegment or KeySegment:
                break;
            default:
                throw new InvalidReportingQueryException($"'{uri.Path.LastSegment.Identifier}' paths are not supported: address an entity set, an entity, $count or Resource.");
        }

        var page = await queries.QueryAsync(reporting, http.RequestAborted);
        if (uri.Path.LastSegment is KeySegment && page.Rows.Count == 0)
        {
            throw NotFound(relativePath);
        }

        if (uri.Apply?.Transformations.Any(t => t is GroupByTransformationNode or AggregateTransformationNode) == true)
        {
            http.Response.ContentType = "application/json; odata.metadata=minimal; charset=utf-8";
            http.Response.Headers["OData-Version"] = "4.0";
            await http.Response.Body.WriteAsync(ODataPayloads.Aggregates(serviceRoot, set.Name, page.Rows, MetadataLevel(format)), http.RequestAborted);
            return;
        }

        var next = page.HasMore ? NextLink(request, reporting.Offset + page.Rows.Count) : null;
        var message = ODataPayloads.Entities(service.Model, serviceRoot, uri, format, set, page.Rows, page.Count, next);
        if (uri.Path.LastSegment is KeySegment && page.Rows[0].TryGetValue(Core.Schema.FixedColumns.VersionId, out var version))
        {
            http.Response.Headers.ETag = string.Create(CultureInfo.InvariantCulture, $"W/\"{version}\"");
        }

        await CopyAsync(http, message);
    }

    private ODataUri Parse(Uri serviceRoot, string relative)
    {
        var parser = new ODataUriParser(service.Model, serviceRoot, new Uri(serviceRoot, relative))
        {
            Resolver = new ODataUriResolver { EnableCaseInsensitive = false },
        };
        // $expand reaches one level: a navigation's targets, not their own navigations.
        parser.Settings.MaximumExpansionDepth = 1;
        return parser.ParseUri();
    }

    private static long Offset(string? skipToken) =>
        skipToken is null ? 0
        : long.TryParse(skipToken, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset
        : throw new InvalidReportingQueryException("$skiptoken is not one this service issued.");

    /// <summary>The request URL with <c>$skiptoken</c> set to the rows returned so far.</summary>
    private static Uri NextLink(HttpRequest request, long offset)
    {
        var parameters = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => p.Key != "$skiptoken")
            .Append(new KeyValuePair<string, StringValues>("$skiptoken", offset.ToString(CultureInfo.InvariantCulture)));
        var query = QueryString.Create(parameters.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v))));
        return new Uri(UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, query));
    }

    /// <summary><c>$format</c> wins over <c>Accept</c> (OData URL conventions §5.1.9); JSON with minimal metadata by default.</summary>
    private static string Format(HttpRequest request)
    {
        var format = request.Query["$format"].ToString();
        if (format.Length > 0)
        {
            return format == "json" ? ODataPayloads.DefaultFormat : format;
        }

        var accept = request.Headers.Accept.ToString();
        return accept.Length == 0 || accept.Contains("*/*", StringComparison.Ordinal) && !accept.Contains("odata.metadata", StringComparison.Ordinal)
            ? ODataPayloads.DefaultFormat
            : accept;
    }

    /// <summary>The query string without options this endpoint reads itself.</summary>
    private static string Without(string query, string[] options)
    {
        if (!options.Any(o => query.Contains(o, StringComparison.Ordinal)))
        {
            return query;
        }

        var parameters = QueryHelpers.ParseQuery(query).Where(p => !options.Contains(p.Key));
        return QueryString.Create(parameters.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))).Value ?? string.Empty;
    }

    private static ODataMetadataLevel MetadataLevel(string format) =>
        format.Contains("odata.metadata=full", StringComparison.OrdinalIgnoreCase) ? ODataMetadataLevel.Full
        : format.Contains("odata.metadata=none", StringComparison.OrdinalIgnoreCase) ? ODataMetadataLevel.None
        : ODataMetadataLevel.Minimal;

    private static ODataEntityNotFoundException NotFound(string path) => new($"Nothing is at '{path}'.");

    private static async Task CopyAsync(HttpContext http, BufferedResponseMessage message)
    {
        http.Response.StatusCode = message.StatusCode;
        foreach (var (name, value) in message.Headers)
        {
            http.Response.Headers[name] = value;
        }

        message.Body.Position = 0;
        await message.Body.CopyToAsync(http.Response.Body, http.RequestAborted);
    }
}
