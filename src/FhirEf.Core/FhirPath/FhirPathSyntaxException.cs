namespace FhirEf.Core.FhirPath;

/// <summary>
/// The expression is not valid FHIRPath: a lexical or grammar error, or a static error found while
/// compiling it (an unknown function, a wrong number of arguments, an unknown type name, nesting
/// beyond the engine's limit). Carries the position of the offending text.
/// </summary>
public sealed class FhirPathSyntaxException : FhirPathException
{
    public FhirPathSyntaxException(string reason, string expression, int offset)
        : base(Describe(reason, expression, offset))
    {
        ArgumentNullException.ThrowIfNull(expression);
        Reason = reason;
        Expression = expression;
        Offset = Math.Clamp(offset, 0, expression.Length);
        (Line, Column) = LineAndColumn(expression, Offset);
    }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    public string Expression { get; }

    /// <summary>Zero-based character offset of the error in <see cref="Expression"/>.</summary>
    public int Offset { get; }

    /// <summary>One-based line of the error.</summary>
    public int Line { get; }

    /// <summary>One-based column of the error.</summary>
    public int Column { get; }

    private static string Describe(string reason, string expression, int offset)
    {
        var (line, column) = LineAndColumn(expression ?? string.Empty, Math.Clamp(offset, 0, expression?.Length ?? 0));
        return $"Invalid FHIRPath at line {line}, column {column}: {reason}";
    }

    private static (int Line, int Column) LineAndColumn(string expression, int offset)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < offset; i++)
        {
            if (expression[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }
}
