using System.CommandLine;
using FhirEf.Cli.Infrastructure;
using FhirEf.EntityFramework.Storage;
using Microsoft.EntityFrameworkCore;

namespace FhirEf.Cli.Commands;

/// <summary><c>fhiref db migrate</c>: applies pending migrations to the configured (or embedded) database.</summary>
internal static class DbCommands
{
    public static Command Build()
    {
        var migrate = new Command("migrate", "Apply pending migrations to the database in ConnectionStrings:Fhir (or the embedded one).");
        migrate.SetAction(async (_, cancellationToken) =>
        {
            await using var session = await CliDatabase.OpenAsync(cancellationToken);
            await using var context = session.CreateContext();
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await context.Database.MigrateAsync(cancellationToken);
            Console.WriteLine(pending.Count == 0
                ? "The database is up to date."
                : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
            return 0;
        });

        var db = new Command("db", "Database commands.");
        db.Subcommands.Add(migrate);
        return db;
    }
}
