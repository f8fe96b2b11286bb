using FhirEf.EntityFramework.Npgsql.Hosting;
using FhirEf.EntityFramework.Storage;

namespace FhirEf.Cli.Infrastructure;

/// <summary>
/// A context for commands that need FhirEf's EF Core model but no database (DDL, reports): its
/// connection string names no server, and nothing opens it.
/// </summary>
internal static class OfflineModel
{
    public const string ConnectionString = "Host=unused";

    public static FhirDbContext CreateContext() => new(FhirDbContextOptionsFactory.Create(ConnectionString));
}
