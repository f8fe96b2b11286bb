using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json.Nodes;
using FhirEf.Core.Indexing.Text;
using FhirEf.Core.Schema.Storage;
using FhirEf.Core.Search.Expressions;
using FhirEf.Core.Search.Values;
using FhirEf.EntityFramework.Storage.Rows;

namespace FhirEf.EntityFramework.Search.Translation;

/// <summary>
/// composite (R4 search §3.1.1.4.17) over the jsonb tuples <see cref="CompositeJson"/> stores: one
/// jsonpath requires every component on the same tuple
/// (<c>$[*] ? (exists(@."0"[*] ? (@ == $c0)) &amp;&amp; exists(@."1"[*] ? (@.v &gt; $v1 …)))</c>), the values
/// passed as jsonpath variables; the token parts also become a <c>@&gt;</c> containment the GIN
/// (<c>jsonb_path_ops</c>) index answers.
/// </summary>
internal static class CompositePredicates
{
    public static Expression Translate(Expression row, CompositeStorage storage, CompositeExpression expression, ISearchPredicateProvider provider, IReadOnlyList<string> allTypes)
    {
        var column = Columns.Property<string>(row, storage.Column);
        var variables = new JsonObject();
        var conditions = new List<string>();
        var containment = new JsonObject();
        for (var i = 0; i < expression.Components.Count; i++)
        {
            var key = i.ToString(CultureInfo.InvariantCulture);
            switch (expression.Components[i])
            {
                case TokenExpression token:
                    variables["c" + key] = TokenPredicates.Entry(token);
                    conditions.Add($"exists(@.\"{key}\"[*] ? (@ == $c{key}))");
                    containment[key] = new JsonArray(TokenPredicates.Entry(token));
                    break;
                case ReferenceExpression reference:
                    var entries = ReferencePredicates.Entries(reference, allTypes).ToList();
                    conditions.Add("(" + string.Join(" || ", entries.Select((e, j) =>
                    {
                        variables[$"c{key}_{j}"] = e;
                        return $"exists(@.\"{key}\"[*] ? (@ == $c{key}_{j}))";
                    })) + ")");
                    break;
                case UriExpression uri:
                    variables["c" + key] = uri.Value;
                    conditions.Add($"exists(@.\"{key}\"[*] ? (@ == $c{key}))");
                    break;
                case StringExpression text:
                    variables["c" + key] = TextFolding.Fold(text.Value);
                    conditions.Add(text.Match == StringMatch.StartsWith
                        ? $"exists(@.\"{key}\"[*] ? (@ starts with $c{key}))"
                        : $"exists(@.\"{key}\"[*] ? (@ == $c{key}))");
                    break;
                case QuantityExpression quantity:
                    var units = quantity.Code is null ? string.Empty
                        : $" && exists(@.u[*] ? (@ == $u{key}))";
                    if (quantity.Code is not null)
                    {
                        variables["u" + key] = quantity.System is null ? quantity.Code : ColumnValues.SystemAndCode(quantity.System, quantity.Code);
                    }

                    conditions.Add($"exists(@.\"{key}\"[*] ? ({Compare("@.v", "@.v", quantity.Prefix, quantity.Value, key, variables)}{units}))");
                    break;
                case NumberExpression number:
                    conditions.Add($"exists(@.\"{key}\"[*] ? ({Compare("@.v", "@.v", number.Prefix, number.Value, key, variables)}))");
                    break;
                case DateExpression date:
                    var instant = new SearchNumber(0, CompositeJson.Milliseconds(date.Value.Start), CompositeJson.Milliseconds(date.Value.End));
                    conditions.Add($"exists(@.\"{key}\"[*] ? ({CompareRange(date.Prefix, instant, key, variables)}))");
                    break;
                default:
                    throw new InvalidOperationException($"Unexpected composite component {expression.Components[i].GetType().Name}.");
            }
        }

        var path = "$[*] ? (" + string.Join(" && ", conditions) + ")";
        var exists = provider.JsonPathExists(column, path, variables.ToJsonString());
        var guarded = Expression.AndAlso(Columns.NotNull(column), exists);
        return containment.Count == 0
            ? guarded
            : Expression.AndAlso(provider.JsonContains(column, new JsonArray(containment).ToJsonString()), guarded);
    }

    private static string Compare(string low, string high, SearchPrefix prefix, SearchNumber value, string key, JsonObject variables)
    {
        variables["lo" + key] = value.Low;
        variables["hi" + key] = value.High;
        variables["v" + key] = value.Value;
        return prefix switch
        {
            SearchPrefix.Eq => $"{low} >= $lo{key} && {high} < $hi{key}",
            SearchPrefix.Ne => $"!({low} >= $lo{key} && {high} < $hi{key})",
            SearchPrefix.Gt => $"{high} > $v{key}",
            SearchPrefix.Ge => $"{high} >= $v{key}",
            SearchPrefix.Lt => $"{low} < $v{key}",
            SearchPrefix.Le => $"{low} <= $v{key}",
            SearchPrefix.Sa => $"{low} >= $hi{key}",
            SearchPrefix.Eb => $"{high} < $lo{key}",
            _ => $"{low} >= $lo{key} && {high} <= $hi{key}",
        };
    }

    /// <summary>Dates by range as in <see cref="DatePredicates"/>, on epoch milliseconds.</summary>
    private static string CompareRange(SearchPrefix prefix, SearchNumber range, string key, JsonObject variables)
    {
        variables["s" + key] = range.Low;
        variables["e" + key] = range.High;
        var contained = $"@.s >= $s{key} && @.e <= $e{key}";
        return prefix switch
        {
            SearchPrefix.Eq => contained,
            SearchPrefix.Ne => $"!({contained})",
            SearchPrefix.Gt => $"@.e > $e{key}",
            SearchPrefix.Lt => $"@.s < $s{key}",
            SearchPrefix.Ge => $"(@.e > $e{key} || ({contained}))",
            SearchPrefix.Le => $"(@.s < $s{key} || ({contained}))",
            SearchPrefix.Sa => $"@.s > $e{key}",
            SearchPrefix.Eb => $"@.e < $s{key}",
            _ => $"@.s <= $e{key} && @.e >= $s{key}",
        };
    }
}
