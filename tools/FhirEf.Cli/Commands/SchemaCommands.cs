using System.CommandLine;

namespace FhirEf.Cli.Commands;

/// <summary><c>fhiref schema ddl</c>: look at the schema without a database.</summary>
internal static class SchemaCommands
{
    public static Command Build()
    {
        var schema = new Command("schema", "Schema tooling: the DDL of the model.");
        schema.Subcommands.Add(SchemaDdlCommand.Build());
        return schema;
    }
}
