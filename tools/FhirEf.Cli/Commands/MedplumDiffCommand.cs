using System.CommandLine;
using FhirEf.Cli.Infrastructure;
using FhirEf.Cli.Schema;
using FhirEf.Core.Definitions;
using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Npgsql.Schema;

namespace FhirEf.Cli.Commands;

/// <summary>
/// <c>fhiref schema medplum-diff &lt;medplum-r4-schema.json&gt; [--output file.md]</c>: FhirEf's schema beside
/// Medplum's, type by type, as Markdown. Needs no database.
/// </summary>
internal static class MedplumDiffCommand
{
    public static Command Build()
    {
        var file = new Argument<FileInfo>("medplum-schema")
        {
            Description = "Medplum's schema description: medplum-r4-schema.json, plain or gzip-compressed (tests/data/medplum/).",
        };
        var outputFile = new Option<FileInfo?>("--output", "-o") { Description = "Write the Markdown report to this file instead of standard output." };
        var command = new Command("medplum-diff", "Compare FhirEf's schema with Medplum's, resource type by resource type (Markdown). Needs no database.")
        {
            file,
            outputFile,
        };
        command.SetAction(async parseResult =>
        {
            var input = parseResult.GetRequiredValue(file);
            if (!input.Exists)
            {
                parseResult.InvocationConfiguration.Error.WriteLine($"No such file: {input.FullName}");
                return ExitCodes.Error;
            }

            var result = Compare(MedplumSchema.Load(input.FullName));
            if (parseResult.GetValue(outputFile) is { } target)
            {
                await using (var writer = new StreamWriter(target.FullName) { NewLine = "\n" })
                {
                    MedplumReport.Write(result, writer);
                }

                parseResult.InvocationConfiguration.Output.WriteLine(
                    $"Wrote {target.FullName}: {result.Common.Count()} resource types in both, {result.MedplumOnly.Count()} Medplum only, " +
                    $"{result.FhirEfOnly.Count()} FhirEf only; tables {result.FhirEf.Tables} vs {result.Medplum.Tables}, " +
                    $"columns {result.FhirEf.Columns} vs {result.Medplum.Columns}, indexes {result.FhirEf.Indexes} vs {result.Medplum.Indexes}.");
            }
            else
            {
                MedplumReport.Write(result, parseResult.InvocationConfiguration.Output);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Compares FhirEf's R4 schema, with the column types of its EF Core model, with <paramref name="medplum"/>.</summary>
    public static MedplumComparisonResult Compare(MedplumSchema medplum)
    {
        using var context = OfflineModel.CreateContext();
        var tables = ModelSchemaReader.Read(context);
        return MedplumComparison.Compare(FhirSchema.R4, FhirDefinitions.R4.Structures, tables, medplum);
    }
}
