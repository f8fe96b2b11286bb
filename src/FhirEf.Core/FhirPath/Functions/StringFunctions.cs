using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using FhirEf.Core.FhirPath.Evaluation;

namespace FhirEf.Core.FhirPath.Functions;

/// <summary>
/// FHIRPath N1 §String Manipulation (indexOf, substring, startsWith, endsWith, contains, upper,
/// lower, replace, matches, replaceMatches, length, toChars) and the FHIRPath 2.1 additions FhirEf
/// also offers (matchesFull, trim, split, join, encode, decode, escape, unescape). The input must
/// be a single String; an empty input or argument gives an empty result.
/// </summary>
internal static class StringFunctions
{
    private const int MaxCachedPatterns = 1024;
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    public static IEnumerable<FunctionDefinition> All { get; } =
    [
        Unary("upper", static s => s.ToUpperInvariant()),
        Unary("lower", static s => s.ToLowerInvariant()),
        Unary("trim", static s => s.Trim()),
        Unary("length", static s => SystemValues.Box(s.Length)),
        Binary("indexOf", static (s, sub) => SystemValues.Box(s.IndexOf(sub, StringComparison.Ordinal))),
        Binary("startsWith", static (s, prefix) => SystemValues.Box(s.StartsWith(prefix, StringComparison.Ordinal))),
        Binary("endsWith", static (s, suffix) => SystemValues.Box(s.EndsWith(suffix, StringComparison.Ordinal))),
        Binary("contains", static (s, sub) => SystemValues.Box(s.Contains(sub, StringComparison.Ordinal))),
        Binary("matches", static (s, pattern) => SystemValues.Box(Pattern(pattern, whole: false).IsMatch(s))),
        Binary("matchesFull", static (s, pattern) => SystemValues.Box(Pattern(pattern, whole: true).IsMatch(s))),
        Binary("encode", Encode),
        Binary("decode", Decode),
        Binary("escape", Escape),
        Binary("unescape", Unescape),
        Ternary("replace", static (s, pattern, substitution) => pattern.Length == 0 ? Interleave(s, substitution) : s.Replace(pattern, substitution, StringComparison.Ordinal)),
        Ternary("replaceMatches", static (s, pattern, substitution) => pattern.Length == 0 ? s : Pattern(pattern, whole: false).Replace(s, substitution)),
        new("toChars", _ => static (input, _, _) =>
        {
            var builder = new CollectionBuilder();
            foreach (var c in Singletons.String(input, "toChars()") ?? string.Empty)
            {
                builder.Add(c.ToString());
            }

            return builder.ToCollection();
        }),
        new("substring", 1, 2, call =>
        {
            var start = call.Argument(0);
            var length = call.OptionalArgument(1);
            return (input, focus, context) =>
            {
                var text = Singletons.String(input, "substring()");
                var from = Singletons.Integer(start(focus, context), "substring()");
                if (text is null || from is not { } begin || begin < 0 || begin >= text.Length)
                {
                    return FhirPathCollection.Empty;
                }

                var count = length is null ? null : Singletons.Integer(length(focus, context), "substring()");
                var available = text.Length - begin;
                return FhirPathCollection.Of(text.Substring(begin, count is { } c ? Math.Clamp(c, 0, available) : available));
            };
        }),
        new("split", 1, 1, call =>
        {
            var separator = call.Argument(0);
            return (input, focus, context) =>
            {
                if (Singletons.String(input, "split()") is not { } text || Singletons.String(separator(focus, context), "split()") is not { } by)
                {
                    return FhirPathCollection.Empty;
                }

                var builder = new CollectionBuilder();
                foreach (var part in by.Length == 0 ? [text] : text.Split(by))
                {
                    builder.Add(part);
                }

                return builder.ToCollection();
            };
        }),
        new("join", 0, 1, call =>
        {
            var separator = call.OptionalArgument(0);
            return (input, focus, context) =>
            {
                var by = separator is null ? string.Empty : Singletons.String(separator(focus, context), "join()") ?? string.Empty;
                var parts = new List<string>(input.Count);
                foreach (var item in input)
                {
                    parts.Add(Singletons.String(FhirPathCollection.Of(item), "join()")!);
                }

                return input.IsEmpty ? FhirPathCollection.Empty : FhirPathCollection.Of(string.Join(by, parts));
            };
        }),
    ];

    private static FunctionDefinition Unary(string name, Func<string, object> operation) =>
        new(name, call => (input, _, _) => Singletons.String(input, call.Name + "()") is { } text ? FhirPathCollection.Of(operation(text)) : FhirPathCollection.Empty);

    private static FunctionDefinition Binary(string name, Func<string, string, object?> operation) => new(name, 1, 1, call =>
    {
        var argument = call.Argument(0);
        var function = name + "()";
        return (input, focus, context) =>
            Singletons.String(input, function) is { } text && Singletons.String(argument(focus, context), function) is { } value
                ? Singletons.Of(operation(text, value))
                : FhirPathCollection.Empty;
    });

    private static FunctionDefinition Ternary(string name, Func<string, string, string, string> operation) => new(name, 2, 2, call =>
    {
        var first = call.Argument(0);
        var second = call.Argument(1);
        var function = name + "()";
        return (input, focus, context) =>
            Singletons.String(input, function) is { } text
            && Singletons.String(first(focus, context), function) is { } a
            && Singletons.String(second(focus, context), function) is { } b
                ? FhirPathCollection.Of(operation(text, a, b))
                : FhirPathCollection.Empty;
    });

    /// <summary>
    /// A compiled, cached regular expression: case-sensitive, culture-invariant, single-line (<c>.</c>
    /// matches new lines), with a timeout so a hostile pattern cannot hang evaluation.
    /// </summary>
    private static Regex Pattern(string pattern, bool whole)
    {
        var key = whole ? "^(?:" + pattern + ")$" : pattern;
        if (Patterns.TryGetValue(key, out var regex))
        {
            return regex;
        }

        try
        {
            regex = new Regex(key, RegexOptions.Singleline | RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException e)
        {
            throw new FhirPathEvaluationException($"'{pattern}' is not a valid regular expression: {e.Message}", e);
        }

        if (Patterns.Count >= MaxCachedPatterns)
        {
            Patterns.Clear();
        }

        return Patterns[key] = regex;
    }

    private static string Interleave(string text, string separator)
    {
        var builder = new StringBuilder(separator);
        foreach (var c in text)
        {
            builder.Append(c).Append(separator);
        }

        return builder.ToString();
    }

    private static string? Encode(string text, string format)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return format switch
        {
            "base64" => Convert.ToBase64String(bytes),
            "urlbase64" => Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_'),
            "hex" => Convert.ToHexStringLower(bytes),
            _ => throw new FhirPathEvaluationException($"encode() knows base64, urlbase64 and hex, not '{format}'."),
        };
    }

    private static string? Decode(string text, string format)
    {
        try
        {
            var bytes = format switch
            {
                "base64" => Convert.FromBase64String(text),
                "urlbase64" => Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/')),
                "hex" => Convert.FromHexString(text),
                _ => throw new FhirPathEvaluationException($"decode() knows base64, urlbase64 and hex, not '{format}'."),
            };
            return Encoding.UTF8.GetString(bytes);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Escape(string text, string format) => format switch
    {
        "html" => WebUtility.HtmlEncode(text),
        "json" => EscapeJson(text),
        _ => throw new FhirPathEvaluationException($"escape() knows html and json, not '{format}'."),
    };

    private static string Unescape(string text, string format) => format switch
    {
        "html" => WebUtility.HtmlDecode(text),
        "json" => UnescapeJson(text),
        _ => throw new FhirPathEvaluationException($"unescape() knows html and json, not '{format}'."),
    };

    private static string EscapeJson(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                '\f' => builder.Append("\\f"),
                '\b' => builder.Append("\\b"),
                < ' ' => builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    private static string UnescapeJson(string text)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<string>("\"" + text + "\"") ?? text;
        }
        catch (System.Text.Json.JsonException)
        {
            return text;
        }
    }
}
