namespace FhirEf.Core.Search.Expressions;

public interface ISearchExpressionVisitor<out T>
{
    T Visit(AndExpression expression);

    T Visit(OrExpression expression);

    T Visit(NotExpression expression);

    T Visit(MissingExpression expression);

    T Visit(StringExpression expression);

    T Visit(TokenExpression expression);

    T Visit(TokenTextExpression expression);

    T Visit(TokenOfTypeExpression expression);

    T Visit(TokenValueSetExpression expression);

    T Visit(TokenHierarchyExpression expression);

    T Visit(DateExpression expression);

    T Visit(NumberExpression expression);

    T Visit(QuantityExpression expression);

    T Visit(ReferenceExpression expression);

    T Visit(ReferenceIdentifierExpression expression);

    T Visit(UriExpression expression);

    T Visit(CompositeExpression expression);

    T Visit(FullTextExpression expression);

    T Visit(IdExpression expression);

    T Visit(CompartmentExpression expression);

    T Visit(ChainExpression expression);

    T Visit(HasExpression expression);
}
