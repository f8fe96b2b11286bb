using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace FhirEf.EntityFramework.Npgsql.Search;

/// <summary>SQL functions the search uses that EF Core has no translation for, mapped in the model.</summary>
public static class FhirEfDbFunctions
{
    internal static readonly MethodInfo JsonPathExistsMethod = typeof(FhirEfDbFunctions).GetMethod(nameof(JsonPathExists))!;

    /// <summary><c>jsonb_path_exists(json, path::jsonpath, variables::jsonb)</c>; only for use in queries.</summary>
    public static bool JsonPathExists(string json, string path, string variables) =>
        throw new InvalidOperationException("JsonPathExists runs only inside a database query.");

    public static void Register(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var jsonb = new StringTypeMapping("jsonb", System.Data.DbType.String);
        var jsonpath = new StringTypeMapping("jsonpath", System.Data.DbType.String);
        modelBuilder.HasDbFunction(JsonPathExistsMethod).HasTranslation(arguments => new SqlFunctionExpression(
            "jsonb_path_exists",
            [
                arguments[0],
                new SqlUnaryExpression(ExpressionType.Convert, arguments[1], typeof(string), jsonpath),
                new SqlUnaryExpression(ExpressionType.Convert, arguments[2], typeof(string), jsonb),
            ],
            nullable: true,
            argumentsPropagateNullability: [true, true, true],
            typeof(bool),
            new BoolTypeMapping("boolean")));
    }
}
