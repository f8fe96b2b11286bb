namespace FhirEf.Core.FhirPath.Syntax;

/// <summary>Double dispatch over the FHIRPath syntax tree: one method per node type.</summary>
public interface IExpressionVisitor<out TResult>
{
    TResult VisitLiteral(LiteralExpression node);

    TResult VisitQuantityLiteral(QuantityLiteralExpression node);

    TResult VisitEmpty(EmptyExpression node);

    TResult VisitIdentifier(IdentifierExpression node);

    TResult VisitMember(MemberExpression node);

    TResult VisitFunctionCall(FunctionCallExpression node);

    TResult VisitIndexer(IndexerExpression node);

    TResult VisitSpecialVariable(SpecialVariableExpression node);

    TResult VisitEnvironmentVariable(EnvironmentVariableExpression node);

    TResult VisitUnary(UnaryExpression node);

    TResult VisitBinary(BinaryExpression node);

    TResult VisitTypeOperation(TypeOperationExpression node);
}
