using System.CommandLine;
using FhirEf.Cli.Infrastructure;

namespace FhirEf.Cli.Commands;

/// <summary>The <c>fhiref</c> command tree.</summary>
internal static class FhirEfCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("FhirEf: a FHIR R4 server on EF Core and PostgreSQL. Reads the top-level appsettings.json.");
        root.Subcommands.Add(DbCommands.Build());
        root.Subcommands.Add(FhirPathCommand.Build());
        root.Subcommands.Add(SchemaCommands.Build());
        root.Subcommands.Add(IndexCommand.Build());
        root.Subcommands.Add(AdminTokenCommand.Build());
        root.Subcommands.Add(ReindexCommand.Build(CliDatabase.OpenAsync));
        root.Subcommands.Add(ExportCommand.Build(CliDatabase.OpenAsync));
        root.Subcommands.Add(StatsCommand.Build(CliDatabase.OpenAsync));
        root.Subcommands.Add(ImportCommand.Build(CliDatabase.OpenAsync));
        root.Subcommands.Add(GenerateCommand.Build(CliDatabase.OpenAsync));
        root.Subcommands.Add(Bench.BenchCommand.Build(CliDatabase.OpenAsync));
        return root;
    }
}
