using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using FhirEf.Core.Definitions;
using FhirEf.Core.Errors;
using FhirEf.Core.Primitives;

namespace FhirEf.Core.Validation;

/// <summary>
/// The JSON kind and value syntax of each R4 primitive (R4 json.html#primitive: boolean as true/false,
/// integer, positiveInt, unsignedInt and decimal as numbers, everything else as strings; syntax per
/// the regexes of profiles-types.json via <see cref="Primitives"/>). Numbers are checked on their raw
/// JSON text, never through <see cref="double"/>.
/// </summary>
internal static class PrimitiveRules
{
    private const int MaxQuotedLength = 60;
    private const int MaxNumberLength = 256;
    private const int MaxStackString = 256;
    private const string DivStart = "<div";

    private static readonly FrozenDictionary<string, PrimitiveKind> KindsByTypeCode = new Dictionary<string, PrimitiveKind>(StringComparer.Ordinal)
    {
        ["boolean"] = PrimitiveKind.Boolean,
        ["integer"] = PrimitiveKind.Integer,
        ["positiveInt"] = PrimitiveKind.PositiveInt,
        ["unsignedInt"] = PrimitiveKind.UnsignedInt,
        ["decimal"] = PrimitiveKind.Decimal,
        ["string"] = PrimitiveKind.String,
        ["markdown"] = PrimitiveKind.Markdown,
        ["code"] = PrimitiveKind.Code,
        ["id"] = PrimitiveKind.Id,
        ["uri"] = PrimitiveKind.Uri,
        ["url"] = PrimitiveKind.Url,
        ["canonical"] = PrimitiveKind.Canonical,
        ["oid"] = PrimitiveKind.Oid,
        ["uuid"] = PrimitiveKind.Uuid,
        ["base64Binary"] = PrimitiveKind.Base64Binary,
        ["date"] = PrimitiveKind.Date,
        ["dateTime"] = PrimitiveKind.DateTime,
        ["instant"] = PrimitiveKind.Instant,
        ["time"] = PrimitiveKind.Time,
        ["xhtml"] = PrimitiveKind.Xhtml,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The rule for a primitive type code; a primitive FhirEf does not know uses its nearest known base type, then string's.</summary>
    public static PrimitiveKind KindOf(StructureDefinitionRegistry structures, string typeCode)
    {
        for (var current = typeCode; current is not null;)
        {
            if (KindsByTypeCode.TryGetValue(current, out var kind))
            {
                return kind;
            }

            current = structures.TryGetType(current, out var type) ? type.BaseType : null;
        }

        return PrimitiveKind.String;
    }

    /// <summary>Checks one primitive JSON value (not null); null when it keeps every rule.</summary>
    public static PrimitiveProblem? Check(JsonElement value, PrimitiveKind kind, string typeCode)
    {
        var expected = ExpectedJsonKind(kind);
        var actual = value.ValueKind is JsonValueKind.False ? JsonValueKind.True : value.ValueKind;
        if (actual != expected)
        {
            return new PrimitiveProblem(IssueType.Structure, $"{typeCode} must be a JSON {Noun(expected)}, not {Describe(value.ValueKind)}");
        }

        return expected switch
        {
            JsonValueKind.True => null,
            JsonValueKind.Number => CheckNumber(value, kind, typeCode),
            _ => CheckString(value, kind, typeCode),
        };
    }

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Noun(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Number => "number",
        JsonValueKind.True => "boolean",
        _ => "string",
    };

    private static JsonValueKind ExpectedJsonKind(PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.Boolean => JsonValueKind.True,
        PrimitiveKind.Integer or PrimitiveKind.PositiveInt or PrimitiveKind.UnsignedInt or PrimitiveKind.Decimal => JsonValueKind.Number,
        _ => JsonValueKind.String,
    };

    private static PrimitiveProblem? CheckNumber(JsonElement value, PrimitiveKind kind, string typeCode)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (raw.Length > MaxNumberLength)
        {
            return kind == PrimitiveKind.Decimal
                ? OutOfRange($"a {raw.Length}-character number")
                : new PrimitiveProblem(IssueType.Value, $"a {raw.Length}-character number is not a valid {typeCode}{RangeHint(kind)}");
        }

        // A JSON number is ASCII by grammar.
        Span<char> text = stackalloc char[raw.Length];
        Encoding.ASCII.GetChars(raw, text);
        var valid = kind switch
        {
            PrimitiveKind.Decimal => FhirDecimal.Check(text, out _) switch
            {
                DecimalTextStatus.OutOfRange => (bool?)null,
                var status => status == DecimalTextStatus.Valid,
            },
            PrimitiveKind.Integer => FhirIntegerSyntax.TryParseInteger(text, out _),
            PrimitiveKind.PositiveInt => FhirIntegerSyntax.TryParsePositiveInt(text, out _),
            _ => FhirIntegerSyntax.TryParseUnsignedInt(text, out _),
        };

        return valid switch
        {
            true => null,
            false => new PrimitiveProblem(IssueType.Value, $"{Quote(text)} is not a valid {typeCode}{RangeHint(kind)}"),
            null => OutOfRange(Quote(text)),
        };
    }

    /// <summary>
    /// Valid FHIR (R4 sets no limit on a decimal's digits), so only a warning: the JSON keeps it
    /// exactly, but <see cref="FhirDecimal"/> (and number search) cannot.
    /// </summary>
    private static PrimitiveProblem OutOfRange(string quoted) => new(
        IssueType.NotSupported,
        $"{quoted} is a valid decimal, but has more digits or decimal places than FhirEf keeps exactly ({FhirDecimal.MaxDigits.ToString(CultureInfo.InvariantCulture)}): number search ignores it",
        IssueSeverity.Warning);

    private static string RangeHint(PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.Integer => " (a whole number from -2147483648 to 2147483647)",
        PrimitiveKind.PositiveInt => " (a whole number from 1 to 2147483647)",
        PrimitiveKind.UnsignedInt => " (a whole number from 0 to 2147483647)",
        _ => string.Empty,
    };

    /// <summary>
    /// Strings without escapes are checked on their UTF-8 bytes: short ones decoded onto the stack,
    /// long strings, base64 and narrative in place. Only escaped or failing values become strings.
    /// </summary>
    private static PrimitiveProblem? CheckString(JsonElement value, PrimitiveKind kind, string typeCode)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        var content = raw[1..^1];
        if (!content.Contains((byte)'\\'))
        {
            if (content.Length <= MaxStackString)
            {
                Span<char> buffer = stackalloc char[MaxStackString];
                return CheckText(buffer[..Encoding.UTF8.GetChars(content, buffer)], kind, typeCode);
            }

            if (IsValidLongUtf8(content, kind))
            {
                return null;
            }
        }

        return CheckText(value.GetString(), kind, typeCode);
    }

    /// <summary>
    /// True when a long unescaped value is known valid without decoding it. A JSON string cannot hold
    /// raw control characters, so string and markdown only need their length; false sends the value
    /// to <see cref="CheckText"/>, which also words the problem.
    /// </summary>
    private static bool IsValidLongUtf8(ReadOnlySpan<byte> content, PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.String or PrimitiveKind.Markdown =>
            content.Length <= FhirStringSyntax.MaxStringLength || Encoding.UTF8.GetCharCount(content) <= FhirStringSyntax.MaxStringLength,
        PrimitiveKind.Base64Binary => FhirBase64BinarySyntax.IsValidUtf8(content),
        PrimitiveKind.Xhtml => content.StartsWith("<div"u8),
        _ => false,
    };

    private static PrimitiveProblem? CheckText(ReadOnlySpan<char> text, PrimitiveKind kind, string typeCode)
    {
        if (text.Length == 0)
        {
            return new PrimitiveProblem(IssueType.Value, "empty strings are not allowed in FHIR JSON");
        }

        if (kind is PrimitiveKind.String or PrimitiveKind.Markdown && text.Length > FhirStringSyntax.MaxStringLength)
        {
            return new PrimitiveProblem(IssueType.TooLong, $"{typeCode} is {text.Length} characters long; the limit is {FhirStringSyntax.MaxStringLength}");
        }

        if (kind is not PrimitiveKind.Base64Binary && FhirStringSyntax.ContainsForbiddenControlCharacter(text))
        {
            return new PrimitiveProblem(IssueType.Value, $"{Quote(text)} contains a control character (below U+0020, other than tab, CR or LF)");
        }

        var (valid, rule) = kind switch
        {
            PrimitiveKind.String or PrimitiveKind.Markdown => (true, string.Empty),
            PrimitiveKind.Code => (FhirStringSyntax.IsValidCode(text), " (no leading, trailing or repeated whitespace)"),
            PrimitiveKind.Id => (FhirStringSyntax.IsValidId(text), " (1 to 64 of A-Z, a-z, 0-9, '-' and '.')"),
            PrimitiveKind.Uri or PrimitiveKind.Url or PrimitiveKind.Canonical => (FhirUriSyntax.IsValidUri(text), " (no whitespace)"),
            PrimitiveKind.Oid => (FhirUriSyntax.IsValidOid(text), " (urn:oid: followed by dotted numbers)"),
            PrimitiveKind.Uuid => (FhirUriSyntax.IsValidUuid(text), " (urn:uuid: followed by a lower-case UUID)"),
            PrimitiveKind.Base64Binary => (FhirBase64BinarySyntax.IsValid(text), string.Empty),
            PrimitiveKind.Date => (FhirDate.IsValid(text), string.Empty),
            PrimitiveKind.DateTime => (FhirDateTime.IsValid(text), DateTimeHint(text)),
            PrimitiveKind.Instant => (FhirInstant.IsValid(text), " (YYYY-MM-DDThh:mm:ss with a timezone)"),
            PrimitiveKind.Time => (FhirTime.IsValid(text), " (hh:mm:ss)"),
            PrimitiveKind.Xhtml => (text.StartsWith(DivStart, StringComparison.Ordinal), " (XHTML starting with <div)"),
            _ => (true, string.Empty),
        };

        return valid ? null : new PrimitiveProblem(IssueType.Value, $"{Quote(text)} is not a valid {typeCode}{rule}");
    }

    /// <summary>The most common dateTime mistake deserves its own words.</summary>
    private static string DateTimeHint(ReadOnlySpan<char> text) =>
        text.Contains('T') ? " (a time needs seconds and a timezone)" : string.Empty;

    private static string Quote(ReadOnlySpan<char> text) =>
        text.Length <= MaxQuotedLength ? $"'{text}'" : $"'{text[..MaxQuotedLength]}…'";
}
