using FhirEf.Core.Abstractions;
using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Npgsql.Hosting;
using FhirEf.EntityFramework.Storage;
using FhirEf.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FhirEf.EntityFramework.Tests.Schema;

/// <summary>
/// An empty database of its own (so no other test's rows skew the statistics) holding 20,000 Patients
/// and 20,000 Observations: 500 of each written through the repository, each then copied 39 times
/// in SQL under new ids (compartments and subjects follow the copied patient), plus one target
/// patient with three observations whose values occur nowhere else. Then ANALYZE.
/// </summary>
public sealed class ExplainFixture : IAsyncLifetime
{
    public const int SeedsPerType = 500;
    public const int Copies = 40;
    public const string TargetFamily = "Zyxwvut";
    public const string TargetMrn = "MRN-TARGET";

    private static readonly string[] Syllables =
        ["an", "ber", "cal", "dor", "el", "fin", "gar", "hol", "is", "jun", "kel", "lor", "mar", "nor", "ost", "pel", "ros", "sal", "tor", "ul", "ver", "wes"];

    private static readonly string[] LoincCodes =
        ["8867-4", "8480-6", "8462-4", "8310-5", "29463-7", "8302-2", "39156-5", "2339-0", "718-7", "4548-4", "2093-3", "2571-8", "18262-6", "2085-9", "6299-2", "38483-4", "2947-0", "6298-4", "2069-3", "20565-8"];

    private readonly PrivateDatabaseFixture _database = new();
    private StorageHost? _host;

    public CommandRecorder Recorder { get; } = new();

    public StorageHost Host => _host ?? throw new InvalidOperationException("Not initialised.");

    public FhirDatabaseFixture Database => _database;

    public string TargetPatientId { get; private set; } = string.Empty;

    public IReadOnlyList<string> TargetObservationIds { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _host = new StorageHost(_database, configure: services =>
        {
            var options = new DbContextOptionsBuilder<FhirDbContext>(FhirEfPostgresServiceCollectionExtensions.SessionContextOptions(FhirSchema.R4));
            options.AddInterceptors(Recorder);
            services.AddSingleton(options.Options);
        });

        var random = new Random(20_000);
        var patients = await WriteAsync(Enumerable.Range(0, SeedsPerType).Select(i => Patient(random, $"MRN-{i:D5}")).ToList());
        await WriteAsync(Enumerable.Range(0, SeedsPerType).Select(i => Observation(random, patients[i % patients.Count])).ToList());
        await CopyAsync("Patient");
        await CopyAsync("Observation");

        TargetPatientId = (await WriteAsync([Patient(random, TargetMrn, TargetFamily)]))[0];
        TargetObservationIds = await WriteAsync([.. Enumerable.Range(0, 3).Select(_ => Observation(random, TargetPatientId))]);
        await ExecuteAsync("ANALYZE \"Patient\"; ANALYZE \"Observation\"");
    }

    /// <summary>The plan nodes of <c>EXPLAIN (FORMAT JSON)</c> for one recorded command, with its own parameters.</summary>
    public async Task<IReadOnlyList<PlanNode>> ExplainAsync(RecordedCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        await using var explain = _database.DataSource.CreateCommand("EXPLAIN (FORMAT JSON) " + command.Sql);
        foreach (var parameter in command.Parameters)
        {
            explain.Parameters.Add(parameter.Clone());
        }

        return PlanNode.Flatten((string)(await explain.ExecuteScalarAsync())!);
    }

    public async Task<long> CountAsync(string table) =>
        (long)(await _database.DataSource.CreateCommand($"SELECT count(*) FROM \"{table}\"").ExecuteScalarAsync())!;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    private static string Patient(Random random, string mrn, string? family = null)
    {
        family ??= string.Concat(Enumerable.Range(0, 3).Select(_ => Syllables[random.Next(Syllables.Length)]));
        var given = string.Concat(Enumerable.Range(0, 2).Select(_ => Syllables[random.Next(Syllables.Length)]));
        var gender = random.Next(2) == 0 ? "male" : "female";
        return $$"""
            {"resourceType":"Patient","identifier":[{"system":"http://hospital.org/mrn","value":"{{mrn}}"}],
             "name":[{"family":"{{char.ToUpperInvariant(family[0]) + family[1..]}}","given":["{{given}}"]}],"gender":"{{gender}}",
             "birthDate":"{{1930 + random.Next(90)}}-{{1 + random.Next(12):D2}}-{{1 + random.Next(28):D2}}",
             "address":[{"city":"{{Syllables[random.Next(Syllables.Length)]}}ville","state":"MA"}]}
            """;
    }

    private static string Observation(Random random, string patientId)
    {
        var code = LoincCodes[random.Next(LoincCodes.Length)];
        return $$"""
            {"resourceType":"Observation","status":"final",
             "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"vital-signs"}]}],
             "code":{"coding":[{"system":"http://loinc.org","code":"{{code}}"}]},"subject":{"reference":"Patient/{{patientId}}"},
             "effectiveDateTime":"20{{10 + random.Next(10)}}-0{{1 + random.Next(9)}}-1{{random.Next(10)}}T08:00:00Z",
             "valueQuantity":{"value":{{random.Next(40, 200)}},"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}
             }
            """;
    }

    private async Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<string> resources)
    {
        using var gate = new SemaphoreSlim(8);
        return await Task.WhenAll(resources.Select(async json =>
        {
            await gate.WaitAsync();
            try
            {
                var resource = TestData.Parse(json);
                return (await Host.WithRepositoryAsync(r => r.CreateAsync(resource, WriteOptions.None, default))).Version!.Id;
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    /// <summary>
    /// Copies every row of <paramref name="table"/> <see cref="Copies"/> - 1 times: id <c>x</c> becomes
    /// <c>x-k</c>, and so do the patient ids in compartments and subjects, so each copy is a coherent
    /// patient with its own observations.
    /// </summary>
    private async Task CopyAsync(string table)
    {
        var columns = new List<string>();
        await using (var command = _database.DataSource.CreateCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = table });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        var values = columns.Select(c => c switch
        {
            "id" => "t.id || '-' || k",
            "compartments" or "subject" or "patient" => $"ARRAY(SELECT v || '-' || k FROM unnest(t.\"{c}\") AS v)",
            _ => $"t.\"{c}\"",
        });
        await ExecuteAsync(
            $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
            $"SELECT {string.Join(", ", values)} FROM \"{table}\" AS t CROSS JOIN generate_series(1, {Copies - 1}) AS k");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = _database.DataSource.CreateCommand(sql);
        command.CommandTimeout = 300;
        await command.ExecuteNonQueryAsync();
    }
}
