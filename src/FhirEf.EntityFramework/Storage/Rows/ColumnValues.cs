using FhirEf.Core.Indexing.Values;
using FhirEf.Core.Schema;
using FhirEf.Core.Schema.Storage;

namespace FhirEf.EntityFramework.Storage.Rows;

/// <summary>
/// The encodings of search values in columns. Search builds its predicates from the same helpers, so
/// what is stored and what is looked for cannot drift apart.
/// </summary>
public static class ColumnValues
{
    /// <summary><c>\u001Fa\u001Fb\u001F</c>: folded values joined for trigram-served prefix and substring search.</summary>
    public static string? Joined(IEnumerable<string> foldedValues)
    {
        ArgumentNullException.ThrowIfNull(foldedValues);
        var distinct = foldedValues.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 0
            ? null
            : StringStorage.Separator + string.Join(StringStorage.Separator, distinct) + StringStorage.Separator;
    }

    /// <summary>Token entries: <c>code</c>, <c>system|code</c> (<c>|code</c> without a system), <c>system|</c>, and <c>:of-type</c> entries.</summary>
    public static List<string> TokenEntries(IEnumerable<TokenSearchValue> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var entries = new List<string>();
        foreach (var token in tokens)
        {
            if (token.Code is { } code)
            {
                entries.Add(code);
                entries.Add(SystemAndCode(token.System, code));
                if (token.OfType is { Code: { } typeCode } ofType)
                {
                    entries.Add(OfType(ofType.System, typeCode, code));
                }
            }

            if (token.System is { } system)
            {
                entries.Add(system + "|");
            }
        }

        return [.. entries.Distinct(StringComparer.Ordinal)];
    }

    public static string SystemAndCode(string? system, string code) => (system ?? string.Empty) + "|" + code;

    public static string OfType(string? typeSystem, string typeCode, string value) =>
        TokenStorage.OfTypeMarker + (typeSystem ?? string.Empty) + "|" + typeCode + "|" + value;

    /// <summary>Quantity units: <c>system|code</c>, <c>code</c> and <c>unit</c> of each value.</summary>
    public static List<string> UnitEntries(IEnumerable<QuantitySearchValue> quantities)
    {
        ArgumentNullException.ThrowIfNull(quantities);
        var entries = new List<string>();
        foreach (var quantity in quantities)
        {
            if (quantity.Code is { } code)
            {
                entries.Add(code);
                entries.Add(SystemAndCode(quantity.System, code));
            }

            if (quantity.Unit is { } unit)
            {
                entries.Add(unit);
            }
        }

        return [.. entries.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Reference entries: <c>Type/id</c>, external absolute URLs, canonical URLs with and without <c>|version</c>.</summary>
    public static List<string> ReferenceEntries(IEnumerable<ReferenceSearchValue> references)
    {
        ArgumentNullException.ThrowIfNull(references);
        var entries = new List<string>();
        foreach (var reference in references)
        {
            if (reference.IsLiteral)
            {
                entries.Add(reference.TargetType + "/" + reference.TargetId);
            }

            if (reference.Url is { } url)
            {
                entries.Add(url);
                if (reference.Version is { } version)
                {
                    entries.Add(url + "|" + version);
                }
            }
        }

        return [.. entries.Distinct(StringComparer.Ordinal)];
    }

    /// <summary><c>code\u001Fsystem|value</c> and <c>code\u001Fvalue</c> for <c>:identifier</c> on reference parameters.</summary>
    public static IEnumerable<string> ReferenceIdentifierEntries(IEnumerable<ReferenceSearchValue> references, string code)
    {
        ArgumentNullException.ThrowIfNull(references);
        foreach (var reference in references)
        {
            if (reference.IdentifierValue is { } value)
            {
                yield return ReferenceIdentifier(code, reference.IdentifierSystem, value);
                yield return ReferenceIdentifier(code, null, value);
            }
        }
    }

    public static string ReferenceIdentifier(string code, string? system, string value) =>
        system is null ? code + StringStorage.Separator + value : code + StringStorage.Separator + SystemAndCode(system, value);

    /// <summary>Rows of <c>"&lt;Type&gt;_References"</c> (projectId, resourceId, code, targetType, targetId) for literal references.</summary>
    public static IEnumerable<object?[]> ReferenceRows(IEnumerable<ReferenceSearchValue> references, string projectId, string resourceId, string code)
    {
        ArgumentNullException.ThrowIfNull(references);
        return references
            .Where(r => r.IsLiteral && r.TargetId!.Length <= FixedColumns.IdMaxLength)
            .Select(r => (r.TargetType!, r.TargetId!))
            .Distinct()
            .Select(target => new object?[] { projectId, resourceId, code, target.Item1, target.Item2 });
    }

    /// <summary>
    /// timestamptz value: open ends become ±infinity; others are floored to PostgreSQL's microsecond, so a
    /// range end such as <c>08:00:00.9999999</c> is not rounded up into the next second.
    /// </summary>
    public static DateTime Timestamp(DateTimeOffset value)
    {
        if (value == DateTimeOffset.MinValue)
        {
            return DateTime.MinValue;
        }

        if (value == DateTimeOffset.MaxValue)
        {
            return DateTime.MaxValue;
        }

        var ticks = value.UtcTicks;
        return new DateTime(ticks - (ticks % 10), DateTimeKind.Utc);
    }

    public static string[]? NullIfEmpty(IReadOnlyCollection<string> values) => values.Count == 0 ? null : [.. values];
}
