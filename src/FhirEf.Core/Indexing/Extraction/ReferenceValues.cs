using System.Text.Json;
using FhirEf.Core.Definitions;
using FhirEf.Core.Indexing.Values;
using FhirEf.Core.Primitives;
using FhirEf.Core.Resources;

namespace FhirEf.Core.Indexing.Extraction;

/// <summary>
/// reference parameters (R4 search §3.1.1.4.12–13, https://hl7.org/fhir/R4/references.html).
/// <list type="bullet">
/// <item>Reference.reference: <c>Type/id</c> and <c>Type/id/_history/v</c> are literal (with the version);
/// an absolute URL under one of this server's base URLs is the same literal reference ("a relative
/// reference resolving to the same value as a specified absolute URL … qualifies as a match"); any
/// other absolute URL, and <c>urn:uuid:</c>/<c>urn:oid:</c>, is kept as <see cref="ReferenceSearchValue.Url"/>;
/// <c>#id</c> names a contained resource; a conditional reference by identifier
/// (<c>Type?identifier=system|value</c>) is the logical reference it stands for. Any other relative
/// reference that is not <c>Type/id</c> of a known resource type with a valid id gives nothing.</item>
/// <item>Reference.identifier gives a logical reference (for <c>:identifier</c>); Reference.type is kept
/// as the target type when no literal reference is given.</item>
/// <item>canonical: the URL and the business version after <c>|</c>; uri, url: the URL.</item>
/// <item>A resource nested in another (Bundle <c>composition</c>, <c>message</c>): its type and id.</item>
/// </list>
/// </summary>
internal sealed class ReferenceValues
{
    private const string History = "_history";

    private readonly StructureDefinitionRegistry _structures;
    private readonly string[] _localBases;

    /// <param name="localBases">This server's base URLs, without a trailing slash.</param>
    public ReferenceValues(StructureDefinitionRegistry structures, IReadOnlyList<string> localBases)
    {
        _structures = structures;
        _localBases = [.. localBases];
    }

    public bool TryAdd(ElementNode node, ValueKind kind, List<SearchValue> output)
    {
        var json = node.Json;
        switch (kind)
        {
            case ValueKind.Reference:
                return TryAddReference(json, output);
            case ValueKind.Canonical:
                return json.ValueKind == JsonValueKind.Undefined || TryAdd(Canonical(JsonFields.Text(json)), output);
            case ValueKind.Uri or ValueKind.String:
                return json.ValueKind == JsonValueKind.Undefined
                    || (JsonFields.Text(json) is { } url && TryAdd(new ReferenceSearchValue { Url = url }, output));
            case ValueKind.Resource:
                if (node.TypeName is { } type && node.ResourceId is { Length: > 0 } id)
                {
                    output.Add(new ReferenceSearchValue { TargetType = type, TargetId = id });
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>A System string a FHIRPath function produced, read as a reference.</summary>
    public bool TryAdd(object value, List<SearchValue> output) =>
        value is string reference && TryAdd(Parse(reference), output);

    /// <summary>The parts of a reference string (see the class summary); null when it names nothing FhirEf can search.</summary>
    public ReferenceSearchValue? Parse(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Length == 0)
        {
            return null;
        }

        if (reference[0] == '#')
        {
            return new ReferenceSearchValue { ContainedId = reference[1..] };
        }

        if (!IsAbsolute(reference))
        {
            return reference.Contains('?', StringComparison.Ordinal) ? TryParseConditional(reference) : TryParseRelative(reference);
        }

        foreach (var localBase in _localBases)
        {
            if (reference.Length > localBase.Length + 1
                && reference[localBase.Length] == '/'
                && reference.StartsWith(localBase, StringComparison.OrdinalIgnoreCase)
                && TryParseRelative(reference[(localBase.Length + 1)..]) is { } local)
            {
                return local;
            }
        }

        return new ReferenceSearchValue { Url = reference };
    }

    /// <summary>A canonical: the URL, with the business version after <c>|</c> split off.</summary>
    public static ReferenceSearchValue? Canonical(string? canonical)
    {
        if (canonical is null)
        {
            return null;
        }

        var bar = canonical.IndexOf('|', StringComparison.Ordinal);
        return bar < 0
            ? new ReferenceSearchValue { Url = canonical }
            : new ReferenceSearchValue { Url = canonical[..bar], Version = bar + 1 < canonical.Length ? canonical[(bar + 1)..] : null };
    }

    private bool TryAddReference(JsonElement json, List<SearchValue> output)
    {
        ReferenceSearchValue? value = null;
        if (JsonFields.String(json, "reference"u8) is { } reference)
        {
            value = Parse(reference);
        }

        var identifier = JsonFields.Object(json, "identifier"u8);
        if (JsonFields.String(identifier, "value"u8) is { } identifierValue)
        {
            value = (value ?? new ReferenceSearchValue()) with
            {
                IdentifierSystem = JsonFields.String(identifier, "system"u8),
                IdentifierValue = identifierValue,
            };
        }

        if (value is not null && value.TargetType is null && value.Url is null && value.ContainedId is null
            && JsonFields.String(json, "type"u8) is { } type)
        {
            // Reference.type: "the expected type of the target of the reference" when only an identifier is given.
            value = value with { TargetType = type };
        }

        return TryAdd(value, output) || JsonFields.String(json, "reference"u8) is null;
    }

    /// <summary>
    /// A conditional reference by identifier (<c>Practitioner?identifier=system|value</c>, as Synthea's bulk
    /// data writes them): the logical reference it stands for, with its type. Other conditions name nothing
    /// searchable.
    /// </summary>
    private ReferenceSearchValue? TryParseConditional(string reference)
    {
        const string IdentifierParameter = "identifier=";
        var question = reference.IndexOf('?', StringComparison.Ordinal);
        var type = reference[..question];
        var query = reference[(question + 1)..];
        if (!_structures.IsConcreteResourceType(type) || !query.StartsWith(IdentifierParameter, StringComparison.Ordinal) || query.Contains('&', StringComparison.Ordinal))
        {
            return null;
        }

        var token = Uri.UnescapeDataString(query[IdentifierParameter.Length..]);
        var bar = token.IndexOf('|', StringComparison.Ordinal);
        var system = bar < 0 ? null : token[..bar];
        var value = bar < 0 ? token : token[(bar + 1)..];
        return value.Length == 0
            ? null
            : new ReferenceSearchValue { TargetType = type, IdentifierSystem = system is { Length: > 0 } ? system : null, IdentifierValue = value };
    }

    private ReferenceSearchValue? TryParseRelative(string reference)
    {
        // Type/id or Type/id/_history/version
        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return null;
        }

        var type = reference[..slash];
        var rest = reference.AsSpan(slash + 1);
        var idEnd = rest.IndexOf('/');
        var id = idEnd < 0 ? rest : rest[..idEnd];
        string? version = null;
        if (idEnd >= 0)
        {
            var history = rest[(idEnd + 1)..];
            if (!history.StartsWith(History + "/", StringComparison.Ordinal) || history.Length == History.Length + 1 || history[(History.Length + 1)..].Contains('/'))
            {
                return null;
            }

            version = history[(History.Length + 1)..].ToString();
        }

        return FhirStringSyntax.IsValidId(id) && _structures.IsConcreteResourceType(type)
            ? new ReferenceSearchValue { TargetType = type, TargetId = id.ToString(), Version = version }
            : null;
    }

    /// <summary>An absolute URI has a scheme: letters, digits, <c>+ - .</c> up to a colon that comes before any slash.</summary>
    private static bool IsAbsolute(string reference)
    {
        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !char.IsAsciiLetter(reference[0]))
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            var c = reference[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryAdd(ReferenceSearchValue? value, List<SearchValue> output)
    {
        if (value is null)
        {
            return false;
        }

        output.Add(value);
        return true;
    }
}
