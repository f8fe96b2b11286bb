using System.Collections.Frozen;
using System.Text.Json;
using FhirEf.Core.Definitions;
using FhirEf.Core.Resources;

namespace FhirEf.Core.Indexing.Extraction;

/// <summary>
/// The <see cref="ValueKind"/> of every type the definitions know, found by walking each type's base
/// chain to the first type search distinguishes (so a profile of Quantity is a Quantity). Built once per
/// indexer; lookups are one dictionary probe.
/// </summary>
internal sealed class ValueKinds
{
    /// <summary>The types search tells apart (R4 search §3.1.1.9); everything else is <see cref="ValueKind.Other"/>.</summary>
    private static readonly FrozenDictionary<string, ValueKind> Families = new Dictionary<string, ValueKind>(StringComparer.Ordinal)
    {
        ["string"] = ValueKind.String,
        ["markdown"] = ValueKind.String,
        ["code"] = ValueKind.Code,
        ["id"] = ValueKind.Id,
        ["uri"] = ValueKind.Uri,
        ["url"] = ValueKind.Uri,
        ["oid"] = ValueKind.Uri,
        ["uuid"] = ValueKind.Uri,
        ["canonical"] = ValueKind.Canonical,
        ["boolean"] = ValueKind.Boolean,
        ["integer"] = ValueKind.Integer,
        ["positiveInt"] = ValueKind.Integer,
        ["unsignedInt"] = ValueKind.Integer,
        ["decimal"] = ValueKind.Decimal,
        ["date"] = ValueKind.Date,
        ["dateTime"] = ValueKind.DateTime,
        ["instant"] = ValueKind.Instant,
        ["time"] = ValueKind.Time,
        ["base64Binary"] = ValueKind.Base64Binary,
        ["xhtml"] = ValueKind.Xhtml,
        ["Coding"] = ValueKind.Coding,
        ["CodeableConcept"] = ValueKind.CodeableConcept,
        ["Identifier"] = ValueKind.Identifier,
        ["ContactPoint"] = ValueKind.ContactPoint,
        ["HumanName"] = ValueKind.HumanName,
        ["Address"] = ValueKind.Address,
        ["Period"] = ValueKind.Period,
        ["Timing"] = ValueKind.Timing,
        ["Quantity"] = ValueKind.Quantity,
        ["Money"] = ValueKind.Money,
        ["Range"] = ValueKind.Range,
        ["Reference"] = ValueKind.Reference,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, ValueKind> _byType;

    public ValueKinds(StructureDefinitionRegistry structures)
    {
        ArgumentNullException.ThrowIfNull(structures);
        var byType = new Dictionary<string, ValueKind>(Families, StringComparer.Ordinal);
        foreach (var type in structures.Types)
        {
            if (byType.ContainsKey(type.Name))
            {
                continue;
            }

            if (type.Kind == FhirTypeKind.Resource)
            {
                byType[type.Name] = ValueKind.Resource;
                continue;
            }

            var kind = ValueKind.Other;
            for (var current = type.BaseType; current is not null;)
            {
                if (Families.TryGetValue(current, out kind))
                {
                    break;
                }

                current = structures.TryGetType(current, out var parent) ? parent.BaseType : null;
            }

            byType[type.Name] = kind;
        }

        _byType = byType.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The family of a FHIR type name ("Age" is <see cref="ValueKind.Quantity"/>).</summary>
    public ValueKind Of(string? typeName) =>
        typeName is not null && _byType.TryGetValue(typeName, out var kind) ? kind : ValueKind.Other;

    /// <summary>The family of a node: by its FHIR type, or for an untyped node by its JSON token (a string is a string, a number a decimal).</summary>
    public ValueKind Of(ElementNode node)
    {
        if (node.TypeName is { } typeName)
        {
            return Of(typeName);
        }

        if (node.IsResource)
        {
            return ValueKind.Resource;
        }

        return node.Json.ValueKind switch
        {
            JsonValueKind.String => ValueKind.String,
            JsonValueKind.Number => ValueKind.Decimal,
            JsonValueKind.True or JsonValueKind.False => ValueKind.Boolean,
            _ => ValueKind.Other,
        };
    }
}
