using System.CommandLine;
using FhirEf.Cli.Infrastructure;
using FhirEf.EntityFramework.Npgsql.Schema;
using Microsoft.EntityFrameworkCore;

namespace FhirEf.Cli.Commands;

/// <summary>
/// <c>fhiref schema diff</c>: compares the database (<c>ConnectionStrings:Fhir</c>, or the embedded one) with
/// the model and prints one line per difference. Exit codes: 0 in sync, 2 drift, 1 error.
/// </summary>
internal static class SchemaDiffCommand
{
    public static Command Build(Func<CancellationToken, Task<CliDatabase>> openDatabase)
    {
        var diff = new Command(
            "diff",
            "Compare the database in ConnectionStrings:Fhir (or the embedded one) with the model: tables, columns, " +
            "indexes by definition. Prints one line per difference. Exit code 0: in sync; 2: drift; 1: error.");
        diff.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            await using var database = await openDatabase(cancellationToken);
            await using var context = database.CreateContext();
            var comparison = await SchemaComparer.CompareAsync(context, cancellationToken);
            foreach (var difference in comparison.Differences)
            {
                output.WriteLine(difference);
            }

            if (comparison.IsInSync)
            {
                output.WriteLine($"No drift: the database matches the model ({comparison.Expected.Count} tables, " +
                    $"{comparison.Expected.Sum(t => t.Columns.Count)} columns, {comparison.Expected.Sum(t => t.Indexes.Count)} indexes).");
                return ExitCodes.Success;
            }

            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            var hint = pending.Count == 0 ? string.Empty : $" {pending.Count} migration(s) are pending: `fhiref db migrate` applies them.";
            parseResult.InvocationConfiguration.Error.WriteLine($"Drift: {comparison.Differences.Count} difference(s) between the database and the model.{hint}");
            return ExitCodes.Drift;
        });
        return diff;
    }
}
