using FhirEf.Core.Resources;

namespace FhirEf.Core.FhirPath.Evaluation;

/// <summary>Path navigation over collections: children by name, all children, all descendants.</summary>
internal static class Navigation
{
    /// <summary>
    /// The children named <paramref name="name"/> of every item. For one node this returns the
    /// node's own child array without copying. In strict mode a name the item's type does not define
    /// is an error (FHIRPath N1 §Type safety and strict evaluation).
    /// </summary>
    public static FhirPathCollection Member(FhirPathCollection input, string name, EvaluationContext context)
    {
        if (input.Count == 1 && input[0] is ElementNode single)
        {
            return Children(single, name, context);
        }

        var builder = new CollectionBuilder();
        foreach (var item in input)
        {
            switch (item)
            {
                case ElementNode node:
                    builder.AddRange(Children(node, name, context));
                    break;
                case FhirPathTypeInfo type when name == "namespace":
                    builder.Add(type.Namespace);
                    break;
                case FhirPathTypeInfo type when name == "name":
                    builder.Add(type.Name);
                    break;
            }
        }

        return builder.ToCollection();
    }

    public static FhirPathCollection Children(FhirPathCollection input)
    {
        var builder = new CollectionBuilder();
        foreach (var item in input)
        {
            if (item is ElementNode node)
            {
                var children = node.Children;
                for (var i = 0; i < children.Count; i++)
                {
                    builder.Add(children[i]);
                }
            }
        }

        return builder.ToCollection();
    }

    /// <summary>All descendants, depth first in document order; the input items themselves are not included.</summary>
    public static FhirPathCollection Descendants(FhirPathCollection input)
    {
        var builder = new CollectionBuilder();
        var pending = new Stack<ElementNode>();
        for (var i = input.Count - 1; i >= 0; i--)
        {
            if (input[i] is ElementNode node)
            {
                PushChildren(pending, node);
            }
        }

        while (pending.TryPop(out var node))
        {
            builder.Add(node);
            PushChildren(pending, node);
        }

        return builder.ToCollection();
    }

    private static void PushChildren(Stack<ElementNode> pending, ElementNode node)
    {
        var children = node.Children;
        for (var i = children.Count - 1; i >= 0; i--)
        {
            pending.Push(children[i]);
        }
    }

    private static FhirPathCollection Children(ElementNode node, string name, EvaluationContext context)
    {
        var children = node.ChildSegment(name);
        if (children.Count > 0)
        {
            return FhirPathCollection.Wrap(children.Array!, children.Offset, children.Count);
        }

        if (node.Structures is null)
        {
            return UntypedChoice(node, name);
        }

        if (node.ChildScope() is { } scope && !scope.TryGetOwnChild(name, out _))
        {
            // valueQuantity is how JSON writes Observation.value[x]; in FHIRPath it is never a path step.
            if (scope.TryGetOwnJsonProperty(name, out var choice, out var type) && choice.IsChoice)
            {
                throw new FhirPathEvaluationException($"'{name}' is the JSON name of {choice.Path}, not an element: write {choice.Name}.ofType({type}).");
            }

            if (context.Strict)
            {
                throw new FhirPathEvaluationException($"'{name}' is not an element of {node.TypeName ?? node.Location} (at {node.Location}).");
            }
        }

        return FhirPathCollection.Empty;
    }

    /// <summary>Without definitions a choice element is only known by its JSON names: <c>value</c> finds <c>valueQuantity</c>.</summary>
    private static FhirPathCollection UntypedChoice(ElementNode node, string name)
    {
        var builder = new CollectionBuilder();
        foreach (var child in node.Children)
        {
            var jsonName = child.JsonName;
            if (jsonName.Length > name.Length && jsonName.StartsWith(name, StringComparison.Ordinal) && char.IsUpper(jsonName[name.Length]))
            {
                builder.Add(child);
            }
        }

        return builder.ToCollection();
    }
}
