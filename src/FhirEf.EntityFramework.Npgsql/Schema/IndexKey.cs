using FhirEf.EntityFramework.Npgsql.Sql;

namespace FhirEf.EntityFramework.Npgsql.Schema;

/// <summary>One key of an index: a column, or an expression as PostgreSQL prints it; and its operator class unless it is the default.</summary>
public sealed record IndexKey(string Text, bool IsExpression = false, string? OperatorClass = null)
{
    public override string ToString()
    {
        var key = IsExpression ? Text : SqlIdentifier.Quote(Text);
        return OperatorClass is null ? key : $"{key} {OperatorClass}";
    }
}
