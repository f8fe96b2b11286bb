using FhirEf.Core.Definitions;
using FhirEf.Core.FhirPath.Syntax;

namespace FhirEf.Core.FhirPath.Compilation;

/// <summary>
/// The compile-time half of strict mode: follows paths from a type name (<c>Observation.value</c>)
/// through the definitions and refuses steps the types do not define, and refuses order-dependent
/// functions (first, last, tail, skip, take, the indexer) on the unordered results of children(),
/// descendants() and repeat(). Paths that start from the unknown input are left to evaluation.
/// </summary>
internal sealed class StrictTypeChecker : IExpressionVisitor<StaticType>
{
    private static readonly HashSet<string> OrderDependent = new(StringComparer.Ordinal) { "first", "last", "tail", "skip", "take" };
    private static readonly HashSet<string> Unordering = new(StringComparer.Ordinal) { "children", "descendants", "repeat" };
    private static readonly HashSet<string> Filtering = new(StringComparer.Ordinal) { "where", "trace", "distinct", "single" };

    private readonly string _source;
    private readonly StructureDefinitionRegistry _structures;

    private StrictTypeChecker(string source, StructureDefinitionRegistry structures)
    {
        _source = source;
        _structures = structures;
    }

    /// <exception cref="FhirPathSyntaxException">The expression is not type-safe.</exception>
    public static void Check(ExpressionNode expression, string source, StructureDefinitionRegistry structures) =>
        expression.Accept(new StrictTypeChecker(source, structures));

    public StaticType VisitLiteral(LiteralExpression node) => StaticType.Unknown;

    public StaticType VisitQuantityLiteral(QuantityLiteralExpression node) => StaticType.Unknown;

    public StaticType VisitEmpty(EmptyExpression node) => StaticType.Unknown;

    public StaticType VisitSpecialVariable(SpecialVariableExpression node) => StaticType.Unknown;

    public StaticType VisitEnvironmentVariable(EnvironmentVariableExpression node) => StaticType.Unknown;

    public StaticType VisitIdentifier(IdentifierExpression node) =>
        char.IsUpper(node.Name[0]) && _structures.TryGetType(node.Name, out var type)
            ? new StaticType([(type.Name, type.Root)], false)
            : StaticType.Unknown;

    public StaticType VisitMember(MemberExpression node)
    {
        var target = node.Target.Accept(this);
        if (target.Types is not { } types)
        {
            return target.Unordered ? StaticType.UnknownUnordered : StaticType.Unknown;
        }

        var children = new List<(string, ElementDefinitionInfo?)>();
        var anyUnknown = false;
        foreach (var (typeName, scope) in types)
        {
            if (scope is null)
            {
                anyUnknown = true;
                continue;
            }

            if (scope.TryGetOwnChild(node.Name, out var child))
            {
                children.AddRange(TypesOf(child));
            }
        }

        if (children.Count == 0 && !anyUnknown)
        {
            throw new FhirPathSyntaxException($"'{node.Name}' is not an element of {string.Join(" or ", types.Select(t => t.TypeName))}", _source, node.Position);
        }

        return new StaticType(anyUnknown ? null : children, target.Unordered);
    }

    public StaticType VisitFunctionCall(FunctionCallExpression node)
    {
        var target = node.Target?.Accept(this) ?? StaticType.Unknown;
        foreach (var argument in node.Arguments)
        {
            if (node.Name is not ("is" or "as" or "ofType" or "getReferenceKey"))
            {
                argument.Accept(this);
            }
        }

        if (target.Unordered && OrderDependent.Contains(node.Name))
        {
            throw new FhirPathSyntaxException($"{node.Name}() depends on order, but the order of its input is undefined", _source, node.Position);
        }

        if (Unordering.Contains(node.Name))
        {
            return StaticType.UnknownUnordered;
        }

        if (node.Name is "as" or "ofType" && node.Arguments is [var typeArgument])
        {
            return new StaticType(Named(typeArgument), target.Unordered);
        }

        if (Filtering.Contains(node.Name))
        {
            return target;
        }

        return target.Unordered && node.Name == "select" ? StaticType.UnknownUnordered : StaticType.Unknown;
    }

    public StaticType VisitIndexer(IndexerExpression node)
    {
        var target = node.Target.Accept(this);
        node.Index.Accept(this);
        if (target.Unordered)
        {
            throw new FhirPathSyntaxException("the indexer depends on order, but the order of its input is undefined", _source, node.Position);
        }

        return target;
    }

    public StaticType VisitUnary(UnaryExpression node)
    {
        node.Operand.Accept(this);
        return StaticType.Unknown;
    }

    public StaticType VisitBinary(BinaryExpression node)
    {
        node.Left.Accept(this);
        node.Right.Accept(this);
        return StaticType.Unknown;
    }

    public StaticType VisitTypeOperation(TypeOperationExpression node)
    {
        var operand = node.Operand.Accept(this);
        return node.Operator == TypeOperator.As
            ? new StaticType(Named(new IdentifierExpression(node.Type.Name, node.Position)), operand.Unordered)
            : StaticType.Unknown;
    }

    /// <summary>The FHIR type a type argument names, or null (unknown) for System and unknown types.</summary>
    private List<(string, ElementDefinitionInfo?)>? Named(ExpressionNode typeArgument)
    {
        var name = typeArgument switch
        {
            IdentifierExpression identifier => identifier.Name,
            MemberExpression { Target: IdentifierExpression { Name: "FHIR" } } member => member.Name,
            _ => null,
        };

        return name is not null && _structures.TryGetType(name, out var type) ? [(type.Name, type.Root)] : null;
    }

    private IEnumerable<(string, ElementDefinitionInfo?)> TypesOf(ElementDefinitionInfo element)
    {
        if (element.HasOwnChildren || element.ContentReference is not null)
        {
            yield return (element.Types.Count > 0 ? element.Types[0].Code : "BackboneElement", _structures.ChildSource(element));
            yield break;
        }

        foreach (var type in element.Types)
        {
            yield return (type.Code, _structures.TryGetType(type.Code, out var definition) ? definition.Root : null);
        }
    }
}
