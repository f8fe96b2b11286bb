using System.Text.RegularExpressions;
using FhirEf.Core.Reporting;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace FhirEf.Admin.Endpoints;

/// <summary>
/// <c>$orderby</c> after <c>$apply</c> names grouped properties and aggregate aliases. ODataUriParser 7.7
/// binds <c>$orderby</c> against the entity type and rejects aliases, so with <c>$apply</c> the clause is
/// read here instead: a comma-separated list of <c>name [asc|desc]</c>, each bound as an open property
/// that the aggregation resolves against its result columns.
/// </summary>
internal static partial class AggregateOrderBy
{
    public static OrderByClause? Parse(string? text, IEdmEntitySet set)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var it = new ResourceRangeVariable("$it", new EdmEntityTypeReference(set.EntityType(), isNullable: false), set);
        var source = new ResourceRangeVariableReferenceNode("$it", it);
        OrderByClause? clause = null;
        foreach (var item in text.Split(',').Reverse())
        {
            var match = Item().Match(item);
            if (!match.Success)
            {
                throw new InvalidReportingQueryException($"'{item.Trim()}' in $orderby is not 'name', 'name asc' or 'name desc'.");
            }

            var direction = match.Groups[2].Value.Equals("desc", StringComparison.OrdinalIgnoreCase) ? OrderByDirection.Descending : OrderByDirection.Ascending;
            clause = new OrderByClause(clause, new SingleValueOpenPropertyAccessNode(source, match.Groups[1].Value), direction, it);
        }

        return clause;
    }

    [GeneratedRegex(@"^\s*([A-Za-z_][A-Za-z0-9_]*)(?:\s+(asc|desc))?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Item();
}
