using FhirEf.Core.Definitions;
using FhirEf.Core.FhirPath.Syntax;

namespace FhirEf.Core.Indexing.Extraction;

/// <summary>
/// Splits a search parameter's expression into its union branches and keeps those that can apply to one
/// resource type. R4 shares parameters across types as unions (<c>AllergyIntolerance.patient |
/// CarePlan.subject.where(resolve() is Patient) | …</c>, up to 32 branches); a branch whose paths all start
/// with another resource type (<c>CarePlan.…</c> for an Observation) yields nothing on this type, so
/// dropping it changes no result and saves its evaluation. A path that starts with <c>Resource</c>,
/// <c>DomainResource</c>, the type itself, an element name, a variable or a literal is kept. Arguments of
/// functions are not paths from the resource (<c>ofType(Patient)</c>) and are not looked at.
/// </summary>
internal sealed class UnionBranchPruner : IExpressionVisitor<bool>
{
    private readonly StructureDefinitionRegistry _structures;
    private readonly string? _resourceType;

    private UnionBranchPruner(StructureDefinitionRegistry structures, string? resourceType)
    {
        _structures = structures;
        _resourceType = resourceType;
    }

    /// <summary>
    /// The top-level union branches of <paramref name="expression"/> that can apply to
    /// <paramref name="resourceType"/> (all of them when it is null, for expressions relative to an element),
    /// as FHIRPath text; empty when none applies.
    /// </summary>
    /// <exception cref="FhirPath.FhirPathSyntaxException">The expression is not valid FHIRPath.</exception>
    public static IReadOnlyList<string> Branches(string expression, string? resourceType, StructureDefinitionRegistry structures)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var branches = new List<ExpressionNode>();
        Flatten(FhirPathParser.Parse(expression), branches);
        if (branches.Count == 1)
        {
            return branches[0].Accept(new UnionBranchPruner(structures, resourceType)) ? [expression] : [];
        }

        var pruner = new UnionBranchPruner(structures, resourceType);
        return [.. branches.Where(branch => branch.Accept(pruner)).Select(branch => branch.ToString())];
    }

    public bool VisitIdentifier(IdentifierExpression node) =>
        _resourceType is null || !_structures.IsResourceType(node.Name) || _structures.IsSubtypeOf(_resourceType, node.Name);

    public bool VisitMember(MemberExpression node) => node.Target.Accept(this);

    /// <summary>A function without a target works on the focus (the resource); its arguments are not paths from the resource.</summary>
    public bool VisitFunctionCall(FunctionCallExpression node) => node.Target?.Accept(this) ?? true;

    public bool VisitIndexer(IndexerExpression node) => node.Target.Accept(this);

    public bool VisitTypeOperation(TypeOperationExpression node) => node.Operand.Accept(this);

    public bool VisitUnary(UnaryExpression node) => node.Operand.Accept(this);

    public bool VisitBinary(BinaryExpression node) => node.Left.Accept(this) || node.Right.Accept(this);

    public bool VisitLiteral(LiteralExpression node) => true;

    public bool VisitQuantityLiteral(QuantityLiteralExpression node) => true;

    public bool VisitEmpty(EmptyExpression node) => true;

    public bool VisitSpecialVariable(SpecialVariableExpression node) => true;

    public bool VisitEnvironmentVariable(EnvironmentVariableExpression node) => true;

    private static void Flatten(ExpressionNode node, List<ExpressionNode> branches)
    {
        if (node is BinaryExpression { Operator: BinaryOperator.Union } union)
        {
            Flatten(union.Left, branches);
            Flatten(union.Right, branches);
            return;
        }

        branches.Add(node);
    }
}
