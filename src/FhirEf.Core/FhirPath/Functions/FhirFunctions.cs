using System.Text.Json;
using FhirEf.Core.FhirPath.Evaluation;
using FhirEf.Core.Resources;

namespace FhirEf.Core.FhirPath.Functions;

/// <summary>
/// The functions FHIR adds to FHIRPath (FHIR R4 §FHIRPath: extension, hasValue, getValue, resolve,
/// memberOf, conformsTo) and those SQL on FHIR adds (getResourceKey, getReferenceKey).
/// </summary>
internal static class FhirFunctions
{
    private const string CoreProfilePrefix = "http://hl7.org/fhir/StructureDefinition/";

    public static IEnumerable<FunctionDefinition> All { get; } =
    [
        new("extension", 1, 1, call =>
        {
            var url = call.Argument(0);
            return (input, focus, context) => Singletons.String(url(focus, context), "extension()") is { } wanted
                ? Extensions(input, wanted)
                : FhirPathCollection.Empty;
        }),
        new("hasValue", _ => static (input, _, _) => FhirPathCollection.Of(input.Count == 1 && input[0] is ElementNode { HasPrimitiveValue: true })),
        new("getValue", _ => static (input, _, _) =>
            input.Count == 1 && input[0] is ElementNode { HasPrimitiveValue: true } node && SystemValues.TryGetValue(node, out var value)
                ? FhirPathCollection.Of(value)
                : FhirPathCollection.Empty),
        new("resolve", _ => static (input, _, context) =>
        {
            var builder = new CollectionBuilder();
            foreach (var item in input)
            {
                if (ReferenceResolution.Resolve(item, context) is { } target)
                {
                    builder.Add(target);
                }
            }

            return builder.ToCollection();
        }),
        new("memberOf", 1, 1, call =>
        {
            // Membership needs a terminology service, which FhirEf does not have: the answer is unknown (empty).
            var valueSet = call.Argument(0);
            return (input, focus, context) =>
            {
                _ = Singletons.String(valueSet(focus, context), "memberOf()");
                return FhirPathCollection.Empty;
            };
        }),
        new("conformsTo", 1, 1, call =>
        {
            var url = call.Argument(0);
            var structures = call.Structures;
            return (input, focus, context) =>
            {
                if (Singletons.Item(input, "conformsTo()") is not ElementNode { TypeName: { } type } || Singletons.String(url(focus, context), "conformsTo()") is not { } profile)
                {
                    return FhirPathCollection.Empty;
                }

                var name = profile.StartsWith(CoreProfilePrefix, StringComparison.Ordinal) ? profile[CoreProfilePrefix.Length..] : null;
                if (name is null || structures is null || !structures.TryGetType(name, out _))
                {
                    throw new FhirPathEvaluationException($"conformsTo() can only check the core FHIR types; '{profile}' is not one.");
                }

                return FhirPathCollection.Of(structures.IsSubtypeOf(type, name));
            };
        }),
        new("getResourceKey", _ => static (input, _, _) =>
        {
            var builder = new CollectionBuilder();
            foreach (var item in input)
            {
                if (item is ElementNode { IsResource: true, TypeName: { } type, ResourceId: { Length: > 0 } id })
                {
                    builder.Add($"{type}/{id}");
                }
            }

            return builder.ToCollection();
        }),
        new("getReferenceKey", 0, 1, call =>
        {
            var type = call.ArgumentCount == 1 ? call.TypeArgument(0).Name : null;
            return (input, _, _) =>
            {
                var builder = new CollectionBuilder();
                foreach (var item in input)
                {
                    if (item is ElementNode node && ReferenceResolution.ReferenceString(node) is { } reference
                        && ReferenceResolution.TryParseLiteral(reference, out var targetType, out var id)
                        && (type is null || type == targetType))
                    {
                        builder.Add($"{targetType}/{id}");
                    }
                }

                return builder.ToCollection();
            };
        }),
    ];

    private static FhirPathCollection Extensions(FhirPathCollection input, string url)
    {
        var builder = new CollectionBuilder();
        foreach (var item in input)
        {
            if (item is not ElementNode node)
            {
                continue;
            }

            foreach (var extension in node.ChildSegment("extension"))
            {
                if (extension.Json.ValueKind == JsonValueKind.Object
                    && extension.Json.TryGetProperty("url", out var extensionUrl)
                    && extensionUrl.ValueEquals(url))
                {
                    builder.Add(extension);
                }
            }
        }

        return builder.ToCollection();
    }
}
