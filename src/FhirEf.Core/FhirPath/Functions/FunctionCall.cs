using FhirEf.Core.Definitions;
using FhirEf.Core.FhirPath.Compilation;
using FhirEf.Core.FhirPath.Evaluation;
using FhirEf.Core.FhirPath.Syntax;

namespace FhirEf.Core.FhirPath.Functions;

/// <summary>
/// A function invocation while it is being compiled: its arguments (compiled on demand, so a type
/// specifier argument is never compiled as a path) and the means to report static errors.
/// </summary>
internal sealed class FunctionCall
{
    private readonly ExpressionCompiler _compiler;
    private readonly CompiledNode?[] _arguments;

    public FunctionCall(ExpressionCompiler compiler, FunctionCallExpression syntax)
    {
        _compiler = compiler;
        Syntax = syntax;
        _arguments = new CompiledNode?[syntax.Arguments.Count];
    }

    public FunctionCallExpression Syntax { get; }

    public string Name => Syntax.Name;

    public int ArgumentCount => _arguments.Length;

    public StructureDefinitionRegistry? Structures => _compiler.Structures;

    /// <summary>The argument compiled as an expression.</summary>
    public CompiledNode Argument(int index) => _arguments[index] ??= _compiler.Compile(Syntax.Arguments[index]);

    /// <summary>Compiles a piece of an argument (the operand of a descending sort key, say).</summary>
    public CompiledNode Compile(ExpressionNode expression) => _compiler.Compile(expression);

    /// <summary>The argument compiled, or null when the call leaves it out.</summary>
    public CompiledNode? OptionalArgument(int index) => index < _arguments.Length ? Argument(index) : null;

    /// <summary>The argument read as a type specifier (<c>Patient</c>, <c>FHIR.Patient</c>, <c>System.String</c>).</summary>
    public ResolvedType TypeArgument(int index)
    {
        var argument = Syntax.Arguments[index];
        var specifier = argument switch
        {
            IdentifierExpression identifier => new TypeSpecifier(null, identifier.Name),
            MemberExpression { Target: IdentifierExpression model } member => new TypeSpecifier(model.Name, member.Name),
            LiteralExpression { Kind: LiteralKind.String } text => new TypeSpecifier(null, text.Text),
            _ => throw Error($"{Name}() expects a type name such as Patient or FHIR.Quantity", argument.Position),
        };

        return _compiler.ResolveType(specifier, argument.Position);
    }

    public FhirPathSyntaxException Error(string reason, int? position = null) => _compiler.Error(reason, position ?? Syntax.Position);
}
