namespace FhirEf.EntityFramework.Storage;

/// <summary>Recognises a statement cancelled for running too long, whichever layer reports it.</summary>
internal static class DatabaseTimeouts
{
    /// <summary>A client-side command timeout, or PostgreSQL's <c>57014</c> (query_canceled), possibly wrapped by EF Core.</summary>
    public static bool IsTimeout(Exception exception) => exception switch
    {
        TimeoutException => true,
        System.Data.Common.DbException { InnerException: TimeoutException } => true,
        System.Data.Common.DbException db when db.GetType().GetProperty("SqlState")?.GetValue(db) as string == "57014" => true,
        InvalidOperationException { InnerException: { } inner } => IsTimeout(inner),
        _ => false,
    };
}
