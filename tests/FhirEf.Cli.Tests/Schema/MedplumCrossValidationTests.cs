using System.IO.Compression;
using FhirEf.Cli.Commands;
using FhirEf.Cli.Schema;
using FhirEf.Cli.Tests.Infrastructure;
using FhirEf.Core.Configuration;
using FhirEf.Core.Schema;

namespace FhirEf.Cli.Tests.Schema;

/// <summary>
/// FhirEf's schema against Medplum's (tests/data/medplum/), for every resource type: the comparison finds
/// what the Medplum file says, classifies known parameters exactly, and the committed report is current.
/// </summary>
public sealed class MedplumCrossValidationTests
{
    private static readonly string MedplumFile = Path.Combine(FhirEfRoot.Find(), "tests", "data", "medplum", "medplum-r4-schema.json.gz");

    private static readonly Lazy<MedplumComparisonResult> Comparison = new(() =>
    {
        using var gzip = new GZipStream(File.OpenRead(MedplumFile), CompressionMode.Decompress);
        return MedplumDiffCommand.Compare(MedplumSchema.Read(gzip));
    });

    private static MedplumComparisonResult Result => Comparison.Value;

    [Fact]
    public void Medplum_totals_read_from_the_file_are_those_its_README_states()
    {
        Assert.Equal("5.1.6", Result.MedplumVersion);
        Assert.Equal((506, 6_967, 5_193), (Result.Medplum.Tables, Result.Medplum.Columns, Result.Medplum.Indexes));
        Assert.Equal(
            [("btree", 2_916), ("gin", 2_276), ("gist", 1)],
            Result.Medplum.IndexesByMethod.Select(m => (m.Key, m.Value)).Order());
        Assert.Equal(501, Result.Medplum.PrimaryKeys);
        Assert.Equal(
            [
                new KindTotals("history", 165, 660, 495),
                new KindTotals("lookup", 4, 17, 29),
                new KindTotals("main", 165, 5_757, 4_322),
                new KindTotals("references", 165, 495, 330),
                new KindTotals("shared", 7, 38, 17),
            ],
            Result.Medplum.Kinds.OrderBy(k => k.Kind, StringComparer.Ordinal));
    }

    [Fact]
    public void FhirEf_totals_are_those_of_its_schema_with_one_primary_key_per_table()
    {
        var tables = FhirSchema.R4.Tables;

        Assert.Equal(
            (tables.Count, tables.Sum(t => t.Columns.Count), tables.Sum(t => t.Indexes.Count + 1)),
            (Result.FhirEf.Tables, Result.FhirEf.Columns, Result.FhirEf.Indexes));
        Assert.Equal(tables.Sum(t => t.Indexes.Count(i => i.Method == IndexMethod.Gin)), Result.FhirEf.IndexesByMethod["gin"]);
        Assert.Equal(tables.Count, Result.FhirEf.PrimaryKeys);
    }

    [Fact]
    public void Every_FhirEf_resource_type_is_in_both_schemas_and_has_a_section_in_the_report()
    {
        var report = Report();

        Assert.Empty(Result.FhirEfOnly);
        Assert.Equal(FhirSchema.R4.Resources.Select(r => r.ResourceType).Order(StringComparer.Ordinal), Result.Common.Select(r => r.ResourceType));
        Assert.All(FhirSchema.R4.Resources, r => Assert.Contains($"\n### {r.ResourceType}\n", report, StringComparison.Ordinal));
        Assert.All(Result.Common, r => Assert.Equal(FhirSchema.R4.Resource(r.ResourceType).Parameters.Keys, r.Parameters.Select(p => p.Code)));
    }

    [Fact]
    public void Medplum_only_types_are_its_own_18_and_SubscriptionStatus_which_FHIR_R4_lacks()
    {
        Assert.Equal(
            ["AccessPolicy", "Agent", "AsyncJob", "Bot", "BulkDataExport", "ClientApplication", "DomainConfiguration", "JsonWebKey", "Login",
                "Package", "PackageInstallation", "PackageRelease", "Project", "ProjectMembership", "SmartAppLaunch", "SubscriptionStatus", "User",
                "UserConfiguration", "UserSecurityRequest"],
            Result.MedplumOnly.Select(r => r.ResourceType));
    }

    [Theory]
    [InlineData("Patient", "birthdate", "DateStorage", "birthdateStart timestamp with time zone, birthdateEnd timestamp with time zone", nameof(MedplumStorageKind.Column), "birthdate date")]
    [InlineData("Patient", "death-date", "DateStorage", "deathDateStart timestamp with time zone, deathDateEnd timestamp with time zone", nameof(MedplumStorageKind.Column), "deathDate timestamp with time zone")]
    [InlineData("Patient", "name", "StringStorage", "name text, nameExact text[]", nameof(MedplumStorageKind.LookupWithSort), "__nameSort text")]
    [InlineData("Patient", "address-city", "StringStorage", "addressCity text, addressCityExact text[]", nameof(MedplumStorageKind.NoColumn), "")]
    [InlineData("Patient", "phonetic", "StringStorage", "phonetic text, phoneticExact text[]", nameof(MedplumStorageKind.Column), "phonetic text[]")]
    [InlineData("Patient", "gender", "TokenStorage", "gender text[], genderText text, genderSort text", nameof(MedplumStorageKind.Column), "gender text")]
    [InlineData("Patient", "active", "TokenStorage", "active text[], activeText text, activeSort text", nameof(MedplumStorageKind.Column), "active boolean")]
    [InlineData("Patient", "identifier", "TokenStorage", "identifier text[], identifierText text, identifierSort text", nameof(MedplumStorageKind.TokenColumns), "__identifier uuid[], __identifierText text[], __identifierSort text")]
    [InlineData("Patient", "_tag", "TokenStorage", "_tag text[], _tagText text, _tagSort text", nameof(MedplumStorageKind.TokenColumns), "___tag uuid[], ___tagText text[], ___tagSort text")]
    [InlineData("Patient", "_security", "TokenStorage", "_security text[], _securityText text, _securitySort text", nameof(MedplumStorageKind.SharedTokens), "___securitySort text")]
    [InlineData("Patient", "general-practitioner", "ReferenceStorage", "generalPractitioner text[]", nameof(MedplumStorageKind.Column), "generalPractitioner text[], __generalPractitionerIdentifierSort text")]
    [InlineData("Patient", "organization", "ReferenceStorage", "organization text[]", nameof(MedplumStorageKind.Column), "organization text, __organizationIdentifierSort text")]
    [InlineData("Patient", "_id", "IdStorage", "id character varying(64)", nameof(MedplumStorageKind.FixedColumn), "id uuid")]
    [InlineData("Patient", "_lastUpdated", "DateStorage", "lastUpdated timestamp with time zone", nameof(MedplumStorageKind.FixedColumn), "lastUpdated timestamp with time zone")]
    [InlineData("Patient", "_text", "FullTextStorage", "_text tsvector", nameof(MedplumStorageKind.NoColumn), "")]
    [InlineData("Observation", "value-quantity", "QuantityStorage", "valueQuantityLow numeric, valueQuantityHigh numeric, valueQuantityUnits text[]", nameof(MedplumStorageKind.Column), "valueQuantity double precision")]
    [InlineData("Observation", "code-value-quantity", "CompositeStorage", "codeValueQuantity jsonb", nameof(MedplumStorageKind.NoColumn), "")]
    [InlineData("Observation", "interpretation", "TokenStorage", "interpretation text[], interpretationText text, interpretationSort text", nameof(MedplumStorageKind.NoColumn), "")]
    [InlineData("RiskAssessment", "probability", "NumberStorage", "probabilityLow numeric, probabilityHigh numeric", nameof(MedplumStorageKind.Column), "probability double precision[]")]
    [InlineData("Goal", "target-date", "DateStorage", "targetDateStart timestamp with time zone, targetDateEnd timestamp with time zone", nameof(MedplumStorageKind.Column), "targetDate date[]")]
    [InlineData("ValueSet", "url", "UriStorage", "url text[]", nameof(MedplumStorageKind.Column), "url text")]
    [InlineData("ActivityDefinition", "version", "TokenStorage", "version text[], versionText text, versionSort text", nameof(MedplumStorageKind.Column), "version text")]
    public void Known_parameters_are_classified_exactly(
        string resourceType, string code, string fhirEfStrategy, string fhirEfColumns, string medplumKind, string medplumColumns)
    {
        var parameter = Result.Common.Single(r => r.ResourceType == resourceType).Parameters.Single(p => p.Code == code);

        Assert.Equal(fhirEfStrategy, parameter.FhirEf.GetType().Name);
        Assert.Equal(fhirEfColumns, string.Join(", ", parameter.FhirEfColumns.Select(c => $"{c.Name} {c.StoreType}")));
        Assert.Equal(medplumKind, parameter.Medplum.Kind.ToString());
        Assert.Equal(medplumColumns, string.Join(", ", parameter.Medplum.Columns.Select(c => $"{c.Name} {c.PgType}")));
    }

    [Fact]
    public void String_and_token_parameters_without_a_Medplum_column_are_address_lookups_Binary_meta_and_FhirEfs_own_interpretation()
    {
        var withoutColumn = Result.Common
            .SelectMany(r => r.Parameters.Where(p => p.Medplum.Kind == MedplumStorageKind.NoColumn && p.FhirEf is Core.Schema.Storage.StringStorage or Core.Schema.Storage.TokenStorage)
                .Select(p => (r.ResourceType, p.Code)))
            .ToList();

        Assert.Equal(
            ["address", "address-city", "address-country", "address-postalcode", "address-state", "address-use"],
            withoutColumn.Where(p => p.Code.StartsWith("address", StringComparison.Ordinal)).Select(p => p.Code).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(
            [("Binary", "_security"), ("Binary", "_tag"), ("Observation", "interpretation")],
            withoutColumn.Where(p => !p.Code.StartsWith("address", StringComparison.Ordinal)));
    }

    [Fact]
    public void Columns_only_Medplum_has_on_Patient_are_the_US_Core_ones_and_the_compartment_identifier_sort()
    {
        var patient = Result.Common.Single(r => r.ResourceType == "Patient");

        Assert.Equal(["ethnicity", "genderIdentity", "race", "___compartmentIdentifierSort"], patient.MedplumOnlyColumns.Select(c => c.Name));
    }

    [Fact]
    public void The_committed_report_is_the_command_output()
    {
        var committed = File.ReadAllText(Path.Combine(FhirEfRoot.Find(), "docs", "schema-medplum.md")).ReplaceLineEndings("\n");

        Assert.True(committed == Report(), $"docs/schema-medplum.md is out of date: run {MedplumReport.RegenerateCommand}");
    }

    [Fact]
    public async Task The_command_writes_the_report_to_the_output_file()
    {
        var target = Path.Combine(Path.GetTempPath(), $"schema-medplum-{Guid.NewGuid():N}.md");
        try
        {
            var run = await CliRun.RunAsync("schema", "medplum-diff", MedplumFile, "--output", target);

            Assert.True(run.ExitCode == 0, run.Error);
            Assert.StartsWith($"Wrote {target}: 146 resource types in both, 19 Medplum only, 0 FhirEf only;", run.Output, StringComparison.Ordinal);
            Assert.Equal(Report(), File.ReadAllText(target).ReplaceLineEndings("\n"));
        }
        finally
        {
            File.Delete(target);
        }
    }

    [Fact]
    public async Task A_missing_Medplum_file_exits_with_1()
    {
        var run = await CliRun.RunAsync("schema", "medplum-diff", "no-such-medplum-schema.json");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("No such file: ", run.Error, StringComparison.Ordinal);
    }

    private static string Report()
    {
        using var writer = new StringWriter { NewLine = "\n" };
        MedplumReport.Write(Result, writer);
        return writer.ToString();
    }
}
