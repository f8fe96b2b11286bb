using System.CommandLine;
using FhirEf.Cli.Infrastructure;

namespace FhirEf.Cli.Commands;

/// <summary><c>fhiref schema ddl|diff|medplum-diff</c>: look at the schema without a database, against a database, and against Medplum's.</summary>
internal static class SchemaCommands
{
    public static Command Build() => Build(CliDatabase.OpenAsync);

    /// <param name="openDatabase">Opens the database <c>schema diff</c> inspects (tests pass their own).</param>
    public static Command Build(Func<CancellationToken, Task<CliDatabase>> openDatabase)
    {
        var schema = new Command("schema", "Schema tooling: the DDL, drift of a database against the model, comparison with Medplum's schema.");
        schema.Subcommands.Add(SchemaDdlCommand.Build());
        schema.Subcommands.Add(SchemaDiffCommand.Build(openDatabase));
        schema.Subcommands.Add(MedplumDiffCommand.Build());
        return schema;
    }
}
