using Microsoft.EntityFrameworkCore;

namespace FhirEf.EntityFramework.Storage;

/// <summary>The EF Core context over FhirEf's tables; its model is built from the FHIR definitions.</summary>
public sealed class FhirDbContext : DbContext
{
    public FhirDbContext(DbContextOptions<FhirDbContext> options)
        : base(options)
    {
    }
}
