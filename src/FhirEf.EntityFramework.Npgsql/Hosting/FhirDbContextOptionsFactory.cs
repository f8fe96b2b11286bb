using FhirEf.EntityFramework.Storage;
using Microsoft.EntityFrameworkCore;

namespace FhirEf.EntityFramework.Npgsql.Hosting;

/// <summary>Context options for hosts without dependency injection (design-time tools, CLI, tests).</summary>
public static class FhirDbContextOptionsFactory
{
    public static DbContextOptions<FhirDbContext> Create(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<FhirDbContext>();
        builder.UseFhirEfNpgsql(connectionString);
        return builder.Options;
    }
}
