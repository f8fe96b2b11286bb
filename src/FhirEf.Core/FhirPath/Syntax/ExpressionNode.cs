namespace FhirEf.Core.FhirPath.Syntax;

/// <summary>
/// A node of a parsed FHIRPath expression. The tree is immutable; <see cref="Position"/> is the
/// zero-based offset of the node's first character in the source text, for error messages.
/// </summary>
public abstract record ExpressionNode(int Position)
{
    public abstract TResult Accept<TResult>(IExpressionVisitor<TResult> visitor);

    /// <summary>The expression as FHIRPath text, with every operator parenthesised.</summary>
    public sealed override string ToString() => Accept(ExpressionFormatter.Instance);
}
