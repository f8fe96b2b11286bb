using System.Text.Json;
using System.Text.Json.Nodes;
using FhirEf.Api.ErrorHandling;
using FhirEf.Core.Definitions;
using FhirEf.Core.Errors;
using FhirEf.Core.FhirPath;
using FhirEf.Core.FhirPath.Compilation;
using FhirEf.Core.Resources;

namespace FhirEf.Api.Patching;

/// <summary>
/// FHIRPath Patch (https://hl7.org/fhir/R4/fhirpatch.html): a Parameters resource whose
/// <c>operation</c> parameters add, insert, delete, replace and move elements found by FHIRPath. Paths
/// are evaluated with FhirEf's engine over the typed element tree; each element found is mapped back
/// to its place in the JSON, and the StructureDefinitions decide JSON names (choice types) and whether
/// an element repeats. The document is checked first (400); operations that do not apply to this
/// resource (no such element, several where one is needed, an index outside the list) are 422.
/// </summary>
public sealed class FhirPathPatch(FhirDefinitions definitions, FhirPathCompiler compiler)
{
    private readonly StructureDefinitionRegistry _structures = definitions.Structures;

    public JsonObject Apply(JsonObject resource, JsonElement parameters)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var operations = FhirPathPatchOperation.ReadAll(parameters);
        for (var i = 0; i < operations.Count; i++)
        {
            ApplyOne(resource, operations[i], i);
        }

        return resource;
    }

    private void ApplyOne(JsonObject resource, FhirPathPatchOperation operation, int index)
    {
        var at = $"FHIRPath Patch operation {index} ({operation.Type} {operation.Path})";
        using var document = JsonDocument.Parse(resource.ToJsonString());
        var root = ElementNode.FromResource(document.RootElement, _structures);
        switch (operation.Type)
        {
            case "add":
                {
                    var container = Single(Evaluate(root, operation.Path, at), at);
                    var name = operation.Name ?? throw new InvalidRequestException($"{at} needs a name.");
                    var value = operation.Value ?? throw new InvalidRequestException($"{at} needs a value.");
                    var child = ChildOf(container, name, at);
                    var holder = Holder(resource, container, at);
                    var jsonName = JsonName(child, name, operation.ValueType, at);
                    if (child.IsCollection)
                    {
                        ArrayOf(holder, jsonName).Add(value);
                    }
                    else if (Present(holder, child, name) is { } existing)
                    {
                        throw new UnprocessableEntityException($"{at}: {container.Location}.{existing} already has a value; use replace.");
                    }
                    else
                    {
                        holder[jsonName] = value;
                    }

                    break;
                }

            case "insert":
                {
                    var value = operation.Value ?? throw new InvalidRequestException($"{at} needs a value.");
                    var (holder, jsonName) = List(resource, root, operation.Path, at);
                    var list = ArrayOf(holder, jsonName);
                    var position = operation.Index ?? throw new InvalidRequestException($"{at} needs an index.");
                    if (position < 0 || position > list.Count)
                    {
                        throw new UnprocessableEntityException($"{at}: index {position} is outside the list (length {list.Count}).");
                    }

                    list.Insert(position, value);
                    ShiftExtensions(holder, jsonName, e =>
                    {
                        if (position <= e.Count)
                        {
                            e.Insert(position, null);
                        }
                    });
                    break;
                }

            case "delete":
                {
                    var found = Evaluate(root, operation.Path, at);
                    if (found.Count == 0)
                    {
                        break;
                    }

                    var node = Single(found, at);
                    var holder = Holder(resource, node.Parent ?? throw new UnprocessableEntityException($"{at}: the resource itself cannot be deleted."), at);
                    Remove(holder, node);
                    break;
                }

            case "replace":
                {
                    var value = operation.Value ?? throw new InvalidRequestException($"{at} needs a value.");
                    var node = Single(Evaluate(root, operation.Path, at), at);
                    var parent = node.Parent ?? throw new UnprocessableEntityException($"{at}: the resource itself cannot be replaced.");
                    var holder = Holder(resource, parent, at);
                    var jsonName = node.Definition is { IsChoice: true } choice ? JsonName(choice, choice.Name, operation.ValueType, at) : node.JsonName;
                    if (node.ArrayIndex >= 0)
                    {
                        ArrayOf(holder, node.JsonName)[node.ArrayIndex] = value;
                    }
                    else
                    {
                        holder.Remove(node.JsonName);
                        holder.Remove("_" + node.JsonName);
                        holder[jsonName] = value;
                    }

                    break;
                }

            case "move":
                {
                    var (holder, jsonName) = List(resource, root, operation.Path, at);
                    var list = ArrayOf(holder, jsonName);
                    var source = operation.Source ?? throw new InvalidRequestException($"{at} needs a source.");
                    var destination = operation.Destination ?? throw new InvalidRequestException($"{at} needs a destination.");
                    if (source < 0 || source >= list.Count || destination < 0 || destination >= list.Count)
                    {
                        throw new UnprocessableEntityException($"{at}: source {source} or destination {destination} is outside the list (length {list.Count}).");
                    }

                    Move(list, source, destination);
                    ShiftExtensions(holder, jsonName, e => Move(e, source, destination));
                    break;
                }

            default:
                throw new InvalidRequestException($"{at}: the type is '{operation.Type}'; FHIRPath Patch has add, insert, delete, replace and move.");
        }
    }

    private List<ElementNode> Evaluate(ElementNode root, string path, string at)
    {
        CompiledFhirPath compiled;
        try
        {
            compiled = compiler.Compile(path);
        }
        catch (FhirPathException e)
        {
            throw new InvalidRequestException($"{at}: the path is not valid FHIRPath: {e.Message}");
        }

        Core.FhirPath.Evaluation.FhirPathCollection result;
        try
        {
            result = compiled.Evaluate(root);
        }
        catch (FhirPathException e)
        {
            throw new UnprocessableEntityException($"{at}: evaluating the path failed: {e.Message}");
        }

        var nodes = new List<ElementNode>(result.Count);
        foreach (var item in result)
        {
            nodes.Add(item as ElementNode ?? throw new UnprocessableEntityException($"{at}: the path selects a value that is not an element of the resource."));
        }

        return nodes;
    }

    private static ElementNode Single(List<ElementNode> nodes, string at) => nodes.Count switch
    {
        1 => nodes[0],
        0 => throw new UnprocessableEntityException($"{at}: the path selects nothing."),
        _ => throw new UnprocessableEntityException($"{at}: the path selects {nodes.Count} elements; it must select one."),
    };

    /// <summary>The list a path names (insert, move): its holder object and JSON name, found from the parent when the list is empty.</summary>
    private (JsonObject Holder, string JsonName) List(JsonObject resource, ElementNode root, string path, string at)
    {
        if (FhirPathText.SplitLast(path) is { } split)
        {
            var container = Single(Evaluate(root, split.Parent, at), at);
            var child = ChildOf(container, split.Name, at);
            if (!child.IsCollection)
            {
                throw new UnprocessableEntityException($"{at}: {child.Path} is not a list.");
            }

            return (Holder(resource, container, at), child.Name);
        }

        var items = Evaluate(root, path, at);
        var first = items.Count > 0 ? items[0] : throw new UnprocessableEntityException($"{at}: the path selects nothing.");
        return (Holder(resource, first.Parent!, at), first.JsonName);
    }

    private ElementDefinitionInfo ChildOf(ElementNode container, string name, string at)
    {
        ElementDefinitionInfo? source = null;
        if (!container.IsResource && container.Definition is { } definition)
        {
            source = _structures.ChildSource(definition);
        }

        if (source is null && container.TypeName is { } typeName && _structures.TryGetType(typeName, out var type))
        {
            source = type.Root;
        }

        return source is not null && source.TryGetOwnChild(name, out var child)
            ? child
            : throw new UnprocessableEntityException($"{at}: {container.Location} ({container.TypeName ?? "untyped"}) has no element '{name}'.");
    }

    /// <summary>The JSON name of an element: a choice takes the type of the value (<c>value</c> + <c>Quantity</c>).</summary>
    private static string JsonName(ElementDefinitionInfo element, string name, string? valueType, string at)
    {
        if (!element.IsChoice)
        {
            return name;
        }

        var type = element.Types.FirstOrDefault(t => string.Equals(t.Code, valueType, StringComparison.OrdinalIgnoreCase))
            ?? throw new UnprocessableEntityException($"{at}: {element.Path} does not take a value of type '{valueType}'.");
        return name + char.ToUpperInvariant(type.Code[0]) + type.Code[1..];
    }

    /// <summary>The JSON name an element already has in its holder (for a choice, whichever type it has), or null.</summary>
    private static string? Present(JsonObject holder, ElementDefinitionInfo element, string name)
    {
        if (!element.IsChoice)
        {
            return holder.ContainsKey(name) ? name : null;
        }

        foreach (var type in element.Types)
        {
            var jsonName = name + char.ToUpperInvariant(type.Code[0]) + type.Code[1..];
            if (holder.ContainsKey(jsonName))
            {
                return jsonName;
            }
        }

        return null;
    }

    /// <summary>The JSON object of an element (a resource, a complex element), found by walking from the root.</summary>
    private static JsonObject Holder(JsonObject resource, ElementNode node, string at)
    {
        var chain = new Stack<ElementNode>();
        for (var current = node; current.Parent is not null; current = current.Parent)
        {
            chain.Push(current);
        }

        JsonNode? json = resource;
        foreach (var step in chain)
        {
            json = json is JsonObject obj ? obj[step.JsonName] : null;
            if (step.ArrayIndex >= 0)
            {
                json = json is JsonArray array && step.ArrayIndex < array.Count ? array[step.ArrayIndex] : null;
            }
        }

        return json as JsonObject ?? throw new UnprocessableEntityException($"{at}: {node.Location} is a primitive value; it has no elements to change.");
    }

    private static void Remove(JsonObject holder, ElementNode node)
    {
        if (node.ArrayIndex < 0)
        {
            holder.Remove(node.JsonName);
            holder.Remove("_" + node.JsonName);
            return;
        }

        if (holder[node.JsonName] is JsonArray list && node.ArrayIndex < list.Count)
        {
            list.RemoveAt(node.ArrayIndex);
            if (list.Count == 0)
            {
                holder.Remove(node.JsonName);
            }
        }

        ShiftExtensions(holder, node.JsonName, e =>
        {
            if (node.ArrayIndex < e.Count)
            {
                e.RemoveAt(node.ArrayIndex);
            }
        });
    }

    private static JsonArray ArrayOf(JsonObject holder, string jsonName)
    {
        if (holder[jsonName] is JsonArray existing)
        {
            return existing;
        }

        var created = new JsonArray();
        holder[jsonName] = created;
        return created;
    }

    /// <summary>Keeps a primitive list's "_name" twin (its ids and extensions) aligned with the list.</summary>
    private static void ShiftExtensions(JsonObject holder, string jsonName, Action<JsonArray> change)
    {
        if (holder["_" + jsonName] is JsonArray extensions)
        {
            if (extensions.Count > 0)
            {
                change(extensions);
            }

            if (extensions.Count == 0 || extensions.All(e => e is null))
            {
                holder.Remove("_" + jsonName);
            }
        }
    }

    private static void Move(JsonArray list, int source, int destination)
    {
        if (source >= list.Count || destination >= list.Count)
        {
            return;
        }

        var item = list[source];
        list.RemoveAt(source);
        list.Insert(destination, item);
    }
}
