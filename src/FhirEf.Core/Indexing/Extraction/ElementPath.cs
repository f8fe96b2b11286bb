using FhirEf.Core.Definitions;
using FhirEf.Core.FhirPath.Syntax;
using FhirEf.Core.Resources;

namespace FhirEf.Core.Indexing.Extraction;

/// <summary>
/// An expression that is only navigation — <c>Observation.code</c>, <c>Resource.meta.lastUpdated</c>,
/// <c>(Observation.value as Quantity)</c>, <c>value.as(CodeableConcept)</c> — walked directly over the
/// element tree, without a FHIRPath evaluation (most R4 parameters and composite components are such
/// paths). It gives the nodes, in the order, the FHIRPath engine gives: children by element name, a
/// leading resource type tested by name, and <c>as</c>/<c>ofType</c> with the engine's rule (exactly the
/// type for primitives, the type or a specialisation otherwise). SearchIndexerPathTests checks that the
/// two agree on every parameter of every test resource.
/// </summary>
internal sealed class ElementPath
{
    private readonly string? _resourceType;
    private readonly string[] _steps;
    private readonly string? _type;
    private readonly StructureDefinitionRegistry _structures;

    private ElementPath(string? resourceType, string[] steps, string? type, StructureDefinitionRegistry structures)
    {
        _resourceType = resourceType;
        _steps = steps;
        _type = type;
        _structures = structures;
    }

    /// <summary>The path, or null when the expression is more than navigation (then the engine evaluates it).</summary>
    public static ElementPath? TryCreate(ExpressionNode expression, StructureDefinitionRegistry structures)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(structures);
        string? type = null;
        var node = expression;
        switch (node)
        {
            case TypeOperationExpression { Operator: TypeOperator.As, Type.Namespace: null } cast:
                type = cast.Type.Name;
                node = cast.Operand;
                break;
            case FunctionCallExpression { Name: "as" or "ofType", Target: { } target, Arguments: [IdentifierExpression argument] }:
                type = argument.Name;
                node = target;
                break;
        }

        if (type is not null && !structures.TryGetType(type, out _))
        {
            return null; // a System type (DateTime): the engine's rules for those apply
        }

        var steps = new List<string>();
        while (node is MemberExpression member)
        {
            steps.Add(member.Name);
            node = member.Target;
        }

        if (node is not IdentifierExpression start)
        {
            return null;
        }

        string? resourceType = null;
        if (char.IsUpper(start.Name[0]) && structures.TryGetType(start.Name, out _))
        {
            if (!structures.IsResourceType(start.Name))
            {
                return null; // a data type at the start of a path filters the focus: left to the engine
            }

            resourceType = start.Name;
        }
        else
        {
            steps.Add(start.Name);
        }

        steps.Reverse();
        return new ElementPath(resourceType, [.. steps], type, structures);
    }

    /// <summary>Adds the nodes the path reaches from <paramref name="focus"/> to <paramref name="output"/>.</summary>
    public void Evaluate(ElementNode focus, List<object> output)
    {
        if (_resourceType is not null
            && (focus.TypeName is not { } focusType || !(string.Equals(focusType, _resourceType, StringComparison.Ordinal) || (focus.IsResource && _structures.IsSubtypeOf(focusType, _resourceType)))))
        {
            return;
        }

        if (_steps.Length == 0)
        {
            if (Matches(focus))
            {
                output.Add(focus);
            }

            return;
        }

        Walk(focus, 0, output);
    }

    private void Walk(ElementNode node, int step, List<object> output)
    {
        var children = node.ChildSegment(_steps[step]);
        var last = step == _steps.Length - 1;
        foreach (var child in children)
        {
            if (!last)
            {
                Walk(child, step + 1, output);
            }
            else if (Matches(child))
            {
                output.Add(child);
            }
        }
    }

    /// <summary>The engine's <c>as</c>: the same type, or for a non-primitive a specialisation of it.</summary>
    private bool Matches(ElementNode node)
    {
        if (_type is null)
        {
            return true;
        }

        if (node.TypeName is not { } typeName)
        {
            return false;
        }

        return string.Equals(typeName, _type, StringComparison.Ordinal)
            || (!_structures.IsPrimitive(typeName) && _structures.IsSubtypeOf(typeName, _type));
    }
}
