namespace FhirEf.Core.Search.Values;

internal static class SearchPrefixes
{
    /// <summary>Splits a leading prefix off a value ("ge2013" → (Ge, "2013")); none means <c>eq</c>.</summary>
    public static (SearchPrefix Prefix, string Value) Split(string value)
    {
        if (value.Length > 2 && char.IsAsciiLetterLower(value[0]) && char.IsAsciiLetterLower(value[1]))
        {
            SearchPrefix? prefix = value[..2] switch
            {
                "eq" => SearchPrefix.Eq,
                "ne" => SearchPrefix.Ne,
                "gt" => SearchPrefix.Gt,
                "lt" => SearchPrefix.Lt,
                "ge" => SearchPrefix.Ge,
                "le" => SearchPrefix.Le,
                "sa" => SearchPrefix.Sa,
                "eb" => SearchPrefix.Eb,
                "ap" => SearchPrefix.Ap,
                _ => null,
            };
            if (prefix is { } found)
            {
                return (found, value[2..]);
            }
        }

        return (SearchPrefix.Eq, value);
    }
}
