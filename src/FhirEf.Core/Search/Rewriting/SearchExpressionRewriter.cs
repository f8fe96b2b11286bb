using FhirEf.Core.Search.Expressions;

namespace FhirEf.Core.Search.Rewriting;

/// <summary>Rebuilds the tree bottom-up; subclasses override the nodes they change.</summary>
public abstract class SearchExpressionRewriter : ISearchExpressionVisitor<SearchExpression>
{
    public SearchExpression Rewrite(SearchExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return expression.Accept(this);
    }

    public virtual SearchExpression Visit(AndExpression expression) => new AndExpression([.. expression.Operands.Select(Rewrite)]);

    public virtual SearchExpression Visit(OrExpression expression) => new OrExpression([.. expression.Operands.Select(Rewrite)]);

    public virtual SearchExpression Visit(NotExpression expression) => new NotExpression(Rewrite(expression.Operand));

    public virtual SearchExpression Visit(ChainExpression expression) => expression with { Target = Rewrite(expression.Target) };

    public virtual SearchExpression Visit(HasExpression expression) => expression with { Source = Rewrite(expression.Source) };

    public virtual SearchExpression Visit(CompositeExpression expression) => expression;

    public virtual SearchExpression Visit(MissingExpression expression) => expression;

    public virtual SearchExpression Visit(StringExpression expression) => expression;

    public virtual SearchExpression Visit(TokenExpression expression) => expression;

    public virtual SearchExpression Visit(TokenTextExpression expression) => expression;

    public virtual SearchExpression Visit(TokenOfTypeExpression expression) => expression;

    public virtual SearchExpression Visit(TokenValueSetExpression expression) => expression;

    public virtual SearchExpression Visit(TokenHierarchyExpression expression) => expression;

    public virtual SearchExpression Visit(DateExpression expression) => expression;

    public virtual SearchExpression Visit(NumberExpression expression) => expression;

    public virtual SearchExpression Visit(QuantityExpression expression) => expression;

    public virtual SearchExpression Visit(ReferenceExpression expression) => expression;

    public virtual SearchExpression Visit(ReferenceIdentifierExpression expression) => expression;

    public virtual SearchExpression Visit(UriExpression expression) => expression;

    public virtual SearchExpression Visit(FullTextExpression expression) => expression;

    public virtual SearchExpression Visit(IdExpression expression) => expression;

    public virtual SearchExpression Visit(CompartmentExpression expression) => expression;
}
