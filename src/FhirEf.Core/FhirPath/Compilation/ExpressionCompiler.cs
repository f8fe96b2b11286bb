using System.Collections.Frozen;
using System.Globalization;
using FhirEf.Core.Definitions;
using FhirEf.Core.FhirPath.Evaluation;
using FhirEf.Core.FhirPath.Functions;
using FhirEf.Core.FhirPath.Syntax;
using FhirEf.Core.Resources;

namespace FhirEf.Core.FhirPath.Compilation;

/// <summary>
/// Turns a syntax tree into a tree of closures (<see cref="CompiledNode"/>): literals become
/// constants, functions are bound once, type names are resolved against the definitions, so
/// evaluation does no lookups by name except path navigation. Static errors (unknown functions,
/// wrong argument counts, unknown types, malformed literals) are <see cref="FhirPathSyntaxException"/>s.
/// </summary>
internal sealed partial class ExpressionCompiler : IExpressionVisitor<CompiledNode>
{
    /// <summary>The deepest syntax tree compiled; deeper trees (long operator chains) are refused so evaluation cannot exhaust the stack.</summary>
    public const int MaxTreeDepth = 200;

    private readonly string _source;
    private int _depth;

    public ExpressionCompiler(string source, StructureDefinitionRegistry? structures)
    {
        _source = source;
        Structures = structures;
    }

    public StructureDefinitionRegistry? Structures { get; }

    public CompiledNode Compile(ExpressionNode node)
    {
        if (++_depth > MaxTreeDepth)
        {
            throw Error($"the expression nests more than {MaxTreeDepth} operations deep", node.Position);
        }

        try
        {
            return node.Accept(this);
        }
        finally
        {
            _depth--;
        }
    }

    public FhirPathSyntaxException Error(string reason, int position) => new(reason, _source, position);

    public ResolvedType ResolveType(TypeSpecifier specifier, int position) =>
        ResolvedType.Resolve(specifier, Structures) ?? throw Error($"unknown type '{specifier}'", position);

    public CompiledNode VisitLiteral(LiteralExpression node)
    {
        var value = LiteralValue(node);
        var result = value is bool b ? FhirPathCollection.Of(b) : FhirPathCollection.Of(value);
        return (_, _) => result;
    }

    public CompiledNode VisitQuantityLiteral(QuantityLiteralExpression node)
    {
        if (!decimal.TryParse(node.Number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw Error($"the number {node.Number} is out of range", node.Position);
        }

        var result = FhirPathCollection.Of(new FhirPathQuantity(value, node.Unit));
        return (_, _) => result;
    }

    public CompiledNode VisitEmpty(EmptyExpression node) => static (_, _) => FhirPathCollection.Empty;

    public CompiledNode VisitIdentifier(IdentifierExpression node)
    {
        var name = node.Name;
        if (!IsTypeName(name))
        {
            return (focus, context) => Navigation.Member(focus, name, context);
        }

        // A type name that starts a path filters the focus to that type (FHIRPath N1 §Path selection).
        // For resource types the test is a name lookup: a concrete type has no specialisations, and
        // Resource and DomainResource are known by the set of their concrete specialisations.
        var type = ResolvedType.Fhir(name);
        Func<object, bool> matches;
        if (Structures?.IsConcreteResourceType(name) == true)
        {
            matches = item => item is ElementNode { TypeName: var typeName } && string.Equals(typeName, name, StringComparison.Ordinal);
        }
        else if (Structures?.IsResourceType(name) == true)
        {
            var structures = Structures;
            var subtypes = structures.ResourceTypes.Where(t => structures.IsSubtypeOf(t, name)).Append(name).ToFrozenSet(StringComparer.Ordinal);
            matches = item => item is ElementNode { TypeName: { } typeName } && subtypes.Contains(typeName);
        }
        else
        {
            matches = item => TypeChecks.Is(item, type, exactPrimitive: false);
        }

        return (focus, context) =>
        {
            if (focus.Count == 1 && matches(focus[0]))
            {
                return focus;
            }

            var builder = new CollectionBuilder();
            foreach (var item in focus)
            {
                if (matches(item))
                {
                    builder.Add(item);
                }
                else if (context.Strict)
                {
                    throw new FhirPathEvaluationException($"The expression starts with the type {name}, but the input is {TypeChecks.Describe(item)}.");
                }
            }

            return builder.ToCollection();
        };
    }

    public CompiledNode VisitMember(MemberExpression node)
    {
        var target = Compile(node.Target);
        var name = node.Name;
        return (focus, context) => Navigation.Member(target(focus, context), name, context);
    }

    public CompiledNode VisitFunctionCall(FunctionCallExpression node)
    {
        if (!FunctionRegistry.TryGet(node.Name, out var definition))
        {
            throw Error($"unknown function {node.Name}()", node.Position);
        }

        if (node.Arguments.Count < definition.MinArguments || node.Arguments.Count > definition.MaxArguments)
        {
            var expected = definition.MinArguments == definition.MaxArguments
                ? definition.MinArguments.ToString(CultureInfo.InvariantCulture)
                : $"{definition.MinArguments} to {definition.MaxArguments}";
            throw Error($"{node.Name}() takes {expected} argument(s), not {node.Arguments.Count}", node.Position);
        }

        var body = definition.Compile(new FunctionCall(this, node));
        if (node.Target is null)
        {
            return (focus, context) => body(focus, focus, context);
        }

        var target = Compile(node.Target);
        return (focus, context) => body(target(focus, context), focus, context);
    }

    public CompiledNode VisitIndexer(IndexerExpression node)
    {
        var target = Compile(node.Target);
        var index = Compile(node.Index);
        return (focus, context) =>
        {
            var items = target(focus, context);
            if (Singletons.Integer(index(focus, context), "The indexer []") is not { } position || position < 0 || position >= items.Count)
            {
                return FhirPathCollection.Empty;
            }

            return FhirPathCollection.Of(items[position]);
        };
    }

    public CompiledNode VisitSpecialVariable(SpecialVariableExpression node) => node.Variable switch
    {
        SpecialVariable.This => static (focus, _) => focus,
        SpecialVariable.Index => static (_, context) => context.Index < 0 ? FhirPathCollection.Empty : FhirPathCollection.Of(SystemValues.Box(context.Index)),
        _ => static (_, context) => context.Total,
    };

    public CompiledNode VisitEnvironmentVariable(EnvironmentVariableExpression node)
    {
        var name = node.Name;
        if (EnvironmentConstant(name) is { } constant)
        {
            var value = FhirPathCollection.Of(constant);
            return (_, _) => value;
        }

        return name switch
        {
            "context" => static (_, context) => context.Input,
            "resource" => static (_, context) => context.Resource is { } resource ? FhirPathCollection.Of(resource) : FhirPathCollection.Empty,
            "rootResource" => static (_, context) => context.RootResource is { } root ? FhirPathCollection.Of(root) : FhirPathCollection.Empty,
            _ => (_, context) => Variable(context, name),
        };
    }

    public CompiledNode VisitTypeOperation(TypeOperationExpression node)
    {
        var type = ResolveType(node.Type, node.Position);
        if (node is { Operator: TypeOperator.Is, Operand: FunctionCallExpression { Name: "resolve", Arguments.Count: 0 } resolve })
        {
            // resolve() is T, as in subject.where(resolve() is Patient): test the target's type without building it.
            var references = resolve.Target is null ? null : Compile(resolve.Target);
            return (focus, context) => BooleanLogic.ToCollection(ReferenceResolution.ResolvesTo(references is null ? focus : references(focus, context), type, context));
        }

        var operand = Compile(node.Operand);
        if (node.Operator == TypeOperator.Is)
        {
            return (focus, context) => Singletons.Item(operand(focus, context), $"'is {type.Name}'") is { } item
                ? FhirPathCollection.Of(TypeChecks.Is(item, type, exactPrimitive: false))
                : FhirPathCollection.Empty;
        }

        return (focus, context) => TypeFunctions.OfType(operand(focus, context), type);
    }

    /// <summary>The constants every FHIR context defines: %ucum, %sct, %loinc, %vs-[name], %ext-[name].</summary>
    private static string? EnvironmentConstant(string name) => name switch
    {
        "ucum" => SystemValues.UcumSystem,
        "sct" => "http://snomed.info/sct",
        "loinc" => "http://loinc.org",
        _ when name.StartsWith("vs-", StringComparison.Ordinal) => "http://hl7.org/fhir/ValueSet/" + name[3..],
        _ when name.StartsWith("ext-", StringComparison.Ordinal) => "http://hl7.org/fhir/StructureDefinition/" + name[4..],
        _ => null,
    };

    private static FhirPathCollection Variable(EvaluationContext context, string name)
    {
        if (context.Options.Variables is not { } variables || !variables.TryGetValue(name, out var value))
        {
            throw new FhirPathEvaluationException($"The environment variable %{name} is not defined.");
        }

        return value switch
        {
            null => FhirPathCollection.Empty,
            FhirPathCollection collection => collection,
            bool b => FhirPathCollection.Of(b),
            _ => FhirPathCollection.Of(value),
        };
    }

    /// <summary>A capitalised name the definitions know as a type (Patient, Resource, Quantity); lower-case FHIR types are also element names.</summary>
    private bool IsTypeName(string name) =>
        name.Length > 0 && char.IsUpper(name[0]) && (Structures is null || Structures.TryGetType(name, out _));

    private object LiteralValue(LiteralExpression node)
    {
        switch (node.Kind)
        {
            case LiteralKind.Boolean:
                return node.Text == "true";
            case LiteralKind.String:
                return node.Text;
            case LiteralKind.Integer when int.TryParse(node.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var integer):
                return integer;
            case LiteralKind.Integer:
                throw Error($"the integer {node.Text} is out of range (FHIRPath integers are 32-bit)", node.Position);
            case LiteralKind.Decimal when decimal.TryParse(node.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number):
                return number;
            case LiteralKind.Date when FhirPathDate.TryParse(node.Text, out var date):
                return date;
            case LiteralKind.DateTime when FhirPathDateTime.TryParse(node.Text, out var dateTime):
                return dateTime;
            case LiteralKind.Time when FhirPathTime.TryParse(node.Text, out var time):
                return time;
            default:
                throw Error($"'{node}' is not a valid {node.Kind.ToString().ToLowerInvariant()} literal", node.Position);
        }
    }
}
