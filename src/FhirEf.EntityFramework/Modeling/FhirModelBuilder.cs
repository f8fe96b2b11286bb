using System.Linq.Expressions;
using FhirEf.Core.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FhirEf.EntityFramework.Modeling;

/// <summary>
/// Turns the schema derived from the FHIR definitions into an EF Core model: one shared-type entity
/// (a <c>Dictionary&lt;string, object&gt;</c> property bag) per table, with its columns in schema
/// order, primary key and indexes. Migrations diff this model; queries are LINQ over these entities.
/// </summary>
public static class FhirModelBuilder
{
    /// <param name="modelBuilder">The context's model builder.</param>
    /// <param name="schema">The tables.</param>
    /// <param name="provider">Database specifics.</param>
    /// <param name="currentProject">
    /// An expression of the current tenant, evaluated per query (a property of the context): every
    /// table gets the global query filter <c>"projectId" = currentProject</c>.
    /// </param>
    public static void Build(ModelBuilder modelBuilder, FhirSchema schema, IFhirStorageProvider provider, Expression? currentProject = null)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(provider);

        provider.ConfigureModel(modelBuilder);
        foreach (var table in schema.Tables)
        {
            modelBuilder.SharedTypeEntity<Dictionary<string, object>>(table.Name, entity =>
            {
                Configure(entity, table, provider);
                if (currentProject is not null)
                {
                    entity.HasQueryFilter(TenantFilter(currentProject));
                }
            });
        }
    }

    /// <summary><c>row =&gt; EF.Property&lt;string&gt;(row, "projectId") == currentProject</c>.</summary>
    private static Expression<Func<Dictionary<string, object>, bool>> TenantFilter(Expression currentProject)
    {
        var row = Expression.Parameter(typeof(Dictionary<string, object>), "row");
        var projectId = Expression.Call(
            typeof(EF), nameof(EF.Property), [typeof(string)], row, Expression.Constant(FixedColumns.ProjectId));
        return Expression.Lambda<Func<Dictionary<string, object>, bool>>(Expression.Equal(projectId, currentProject), row);
    }

    private static int FixedColumnCount(TableSchema table) =>
        table.Columns.TakeWhile(c => c.Name is FixedColumns.ProjectId or FixedColumns.Id or FixedColumns.VersionId
            or FixedColumns.LastUpdated or FixedColumns.Deleted or FixedColumns.Content or FixedColumns.IndexerVersion
            or FixedColumns.Source or FixedColumns.Profile or FixedColumns.Compartments or FixedColumns.ReferenceIdentifiers).Count();

    private static void Configure(EntityTypeBuilder<Dictionary<string, object>> entity, TableSchema table, IFhirStorageProvider provider)
    {
        entity.ToTable(table.Name);
        var fixedColumns = table.Kind == TableKind.Resource ? FixedColumnCount(table) : table.Columns.Count;
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var column = table.Columns[i];
            var property = entity.IndexerProperty(provider.ClrType(column), column.Name).IsRequired(!column.Nullable);
            // Only the fixed columns get an order: PostgreSQL appends added columns anyway, and ordering
            // search columns would make a new parameter's migration re-annotate every column after it.
            if (i < fixedColumns)
            {
                property.HasColumnOrder(i);
            }

            if (column.MaxLength is { } maxLength)
            {
                property.HasMaxLength(maxLength);
            }

            if (column.DefaultSql is { } defaultSql)
            {
                property.HasDefaultValueSql(defaultSql);
            }

            property.ValueGeneratedNever();
            provider.ConfigureColumn(property, column);
        }

        entity.HasKey([.. table.PrimaryKey]).HasName($"{table.Name}_pkey");
        foreach (var index in table.Indexes)
        {
            var builder = entity.HasIndex([.. index.Columns], index.Name).IsUnique(index.Unique);
            if (index.Filter is { } filter)
            {
                builder.HasFilter(filter);
            }

            provider.ConfigureIndex(builder, index);
        }
    }
}
