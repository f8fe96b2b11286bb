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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var fhir = this.GetService<IDbContextOptions>().FindExtension<FhirModelOptionsExtension>()
            ?? throw new InvalidOperationException("FhirDbContext needs UseFhirSchema(...) in its options.");
        FhirModelBuilder.Build(modelBuilder, fhir.Schema, fhir.Provider);
    }
}
