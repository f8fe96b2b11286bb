using System.Linq.Expressions;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Modeling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace FhirEf.EntityFramework.Storage;

/// <summary>The EF Core context over FhirEf's tables; its model is built from the FHIR definitions.</summary>
public sealed class FhirDbContext : DbContext
{
    public FhirDbContext(DbContextOptions<FhirDbContext> options)
        : base(options)
    {
    }

    /// <summary>The tenant every query of this context is filtered by (a global query filter on every table).</summary>
    public string ProjectId { get; set; } = TenantContext.DefaultProjectId;

    /// <summary>The tables, columns and storage strategies of the model.</summary>
    public FhirSchema Schema => Extension.Schema;

    /// <summary>The rows of a table: <c>context.Table("Patient")</c>.</summary>
    public IQueryable<Dictionary<string, object>> Table(string name) => Set<Dictionary<string, object>>(name);

    private FhirModelOptionsExtension Extension =>
        this.GetService<IDbContextOptions>().FindExtension<FhirModelOptionsExtension>()
        ?? throw new InvalidOperationException("FhirDbContext needs UseFhirSchema(...) in its options.");

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        FhirModelConventions.RemoveUnused(configurationBuilder.Conventions, Extension.Provider);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var fhir = Extension;
        FhirModelBuilder.Build(modelBuilder, fhir.Schema, fhir.Provider, Expression.Property(Expression.Constant(this), nameof(ProjectId)));
    }
}
