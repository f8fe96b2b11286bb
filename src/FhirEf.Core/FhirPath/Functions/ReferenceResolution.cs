using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using FhirEf.Core.Definitions;
using FhirEf.Core.FhirPath.Evaluation;
using FhirEf.Core.Resources;

namespace FhirEf.Core.FhirPath.Functions;

/// <summary>
/// What <c>resolve()</c> returns for a Reference (or a reference string), without a database:
/// <list type="number">
/// <item>a local reference (<c>#id</c>) is the contained resource with that id;</item>
/// <item>inside a Bundle, an entry whose fullUrl is the reference, or whose resource has the referenced type and id;</item>
/// <item>what <see cref="FhirPathEvaluationOptions.ResolveReference"/> finds, when the caller supplies it;</item>
/// <item>otherwise a placeholder resource (<see cref="ElementNode.ForReferencedResource"/>) that carries the type
/// named by the reference (<c>Patient/123</c>, <c>http://server/fhir/Patient/123/_history/2</c>) or by
/// <c>Reference.type</c>, and the id: enough for <c>subject.where(resolve() is Patient)</c> in search
/// parameters. A reference whose type cannot be told resolves to nothing.</item>
/// </list>
/// </summary>
internal static class ReferenceResolution
{
    public static ElementNode? Resolve(object item, EvaluationContext context)
    {
        if (!TryLocate(item, context, needId: true, out var target, out var type, out var id))
        {
            return null;
        }

        return target ?? ElementNode.ForReferencedResource(type!, id, (item as ElementNode)?.Structures);
    }

    /// <summary>
    /// <c>resolve() is T</c> on <paramref name="input"/>, without building the placeholder resources:
    /// the same answer as resolving and then testing (empty when nothing resolves, an error when
    /// several targets do), for the <c>subject.where(resolve() is Patient)</c> of search parameters.
    /// </summary>
    public static bool? ResolvesTo(FhirPathCollection input, ResolvedType type, EvaluationContext context)
    {
        var found = 0;
        ElementNode? target = null;
        string? targetType = null;
        StructureDefinitionRegistry? structures = null;
        foreach (var item in input)
        {
            if (TryLocate(item, context, needId: false, out var node, out var name, out _))
            {
                found++;
                (target, targetType, structures) = (node, name, (item as ElementNode)?.Structures);
            }
        }

        return found switch
        {
            0 => null,
            1 when target is not null => TypeChecks.Is(target, type, exactPrimitive: false),
            1 => TypeChecks.IsFhirType(targetType!, structures, type, exactPrimitive: false),
            _ => throw new FhirPathEvaluationException($"'is {type.Name}' expects a single item but got a collection of {found}."),
        };
    }

    /// <summary>
    /// Finds a reference's target: an existing node (contained, Bundle entry, caller's resolver), or
    /// else the type (and, with <paramref name="needId"/>, the id) of the placeholder that stands for it.
    /// False when the target's type cannot be told.
    /// </summary>
    private static bool TryLocate(object item, EvaluationContext context, bool needId, out ElementNode? target, out string? type, out string? id)
    {
        target = null;
        type = id = null;
        var node = item as ElementNode;
        var reference = node is not null ? ReferenceString(node) : item as string;
        var structures = node?.Structures;
        if (reference is not null)
        {
            if (node is not null && reference.StartsWith('#'))
            {
                target = FindContained(node, reference[1..]);
                return target is not null;
            }

            target = (node is not null ? FindInBundle(node, reference) : null) ?? context.Options.ResolveReference?.Invoke(reference);
            if (target is not null)
            {
                return true;
            }

            if (TryParseLiteralSpans(reference, out var typeSpan, out var idSpan))
            {
                var name = typeSpan.ToString();
                if (structures is null || structures.IsConcreteResourceType(name))
                {
                    type = name;
                    id = needId ? idSpan.ToString() : null;
                    return true;
                }
            }
        }

        // A logical reference (by identifier) or an unreadable one still says the target type in Reference.type.
        if (node is { Json.ValueKind: JsonValueKind.Object } && ChildString(node, "type") is { } declared && (structures is null || structures.IsConcreteResourceType(declared)))
        {
            type = declared;
            return true;
        }

        return false;
    }

    /// <summary>The reference text of a Reference node (its <c>reference</c>), or of a uri/canonical/string node.</summary>
    public static string? ReferenceString(ElementNode node) =>
        node.Json.ValueKind switch
        {
            JsonValueKind.Object => ChildString(node, "reference"),
            JsonValueKind.String => node.Json.GetString(),
            _ => null,
        };

    /// <summary>
    /// Reads <c>Type/id</c> from a relative or absolute literal reference, ignoring a version
    /// (<c>/_history/2</c>); false for local, urn: and other references that do not name a type.
    /// </summary>
    public static bool TryParseLiteral(string reference, [NotNullWhen(true)] out string? type, [NotNullWhen(true)] out string? id)
    {
        if (TryParseLiteralSpans(reference, out var typeSpan, out var idSpan))
        {
            (type, id) = (typeSpan.ToString(), idSpan.ToString());
            return true;
        }

        type = id = null;
        return false;
    }

    private static bool TryParseLiteralSpans(string reference, out ReadOnlySpan<char> type, out ReadOnlySpan<char> id)
    {
        type = id = default;
        var path = reference.AsSpan();
        var query = path.IndexOfAny('?', '#');
        if (query >= 0)
        {
            path = path[..query];
        }

        var history = path.IndexOf("/_history/", StringComparison.Ordinal);
        if (history >= 0)
        {
            path = path[..history];
        }

        var slash = path.LastIndexOf('/');
        if (slash <= 0 || slash == path.Length - 1)
        {
            return false;
        }

        var typeStart = path[..slash].LastIndexOf('/') + 1;
        var typeSpan = path[typeStart..slash];
        if (typeSpan.Length == 0 || !char.IsAsciiLetterUpper(typeSpan[0]))
        {
            return false;
        }

        foreach (var c in typeSpan)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        type = typeSpan;
        id = path[(slash + 1)..];
        return true;
    }

    private static ElementNode? FindContained(ElementNode from, string id)
    {
        for (var current = from.Parent; current is not null; current = current.Parent)
        {
            if (!current.IsResource)
            {
                continue;
            }

            if (id.Length == 0)
            {
                return current;
            }

            foreach (var contained in current.ChildSegment("contained"))
            {
                if (contained.ResourceId == id)
                {
                    return contained;
                }
            }
        }

        return null;
    }

    private static ElementNode? FindInBundle(ElementNode from, string reference)
    {
        ElementNode? bundle = null;
        for (var current = from.Parent; current is not null; current = current.Parent)
        {
            if (current is { IsResource: true, TypeName: "Bundle" })
            {
                bundle = current;
            }
        }

        if (bundle is null)
        {
            return null;
        }

        var literal = TryParseLiteral(reference, out var type, out var id);
        foreach (var entry in bundle.ChildSegment("entry"))
        {
            var resource = entry.ChildSegment("resource") is [var r, ..] ? r : null;
            if (resource is null)
            {
                continue;
            }

            var fullUrl = ChildString(entry, "fullUrl");
            if (string.Equals(fullUrl, reference, StringComparison.Ordinal)
                || (literal && resource.TypeName == type && resource.ResourceId == id
                    && (fullUrl is null || fullUrl.EndsWith($"/{type}/{id}", StringComparison.Ordinal))))
            {
                return resource;
            }
        }

        return null;
    }

    private static string? ChildString(ElementNode node, string name) =>
        node.Json.ValueKind == JsonValueKind.Object && node.Json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
