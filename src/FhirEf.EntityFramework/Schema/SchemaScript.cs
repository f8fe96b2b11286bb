using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace FhirEf.EntityFramework.Schema;

/// <summary>
/// The DDL that creates a context's model from nothing, produced by EF Core's own migrations pipeline
/// (the model differ against an empty model, then the provider's migrations SQL generator), so it is
/// the SQL a first migration would run. Needs no database: nothing opens the context's connection.
/// </summary>
public static class SchemaScript
{
    /// <summary>
    /// The commands creating every table of the model, or only <paramref name="tables"/> when given.
    /// Database-level operations (extensions such as pg_trgm, which trigram indexes need) are kept either way.
    /// </summary>
    public static IReadOnlyList<string> Generate(DbContext context, IReadOnlySet<string>? tables = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The design-time model keeps the provider annotations (index methods, operator classes) that the
        // read-optimised runtime model drops.
        var model = context.GetService<IDesignTimeModel>().Model;
        var operations = context.GetService<IMigrationsModelDiffer>().GetDifferences(null, model.GetRelationalModel());
        var selected = tables is null ? operations : [.. operations.Where(operation => Concerns(operation, tables))];
        return [.. context.GetService<IMigrationsSqlGenerator>().Generate(selected, model).Select(command => command.CommandText)];
    }

    private static bool Concerns(MigrationOperation operation, IReadOnlySet<string> tables) => operation switch
    {
        ITableMigrationOperation table => tables.Contains(table.Table),
        AlterDatabaseOperation => true,
        _ => false,
    };
}
