using BenchmarkDotNet.Running;
using FhirEf.Benchmarks.Repository;
using FhirEf.Benchmarks.Rest;

// BenchmarkDotNet: dotnet run -c Release --project tools/FhirEf.Benchmarks -- --filter '*'
// Import, export and reindex next to raw PostgreSQL: `fhiref bench` (tools/FhirEf.Cli/Bench).
// REST load (tools/bench/rest.sh): dotnet run -c Release --project tools/FhirEf.Benchmarks -- rest ingest|raw-read ...
// Repository and schema (docs/benchmarks.md): dotnet run -c Release --project tools/FhirEf.Benchmarks -- repo all
// Canonical searches vs hand-written SQL: dotnet run -c Release --project tools/FhirEf.Benchmarks -- search --connection CS --project P [--runs 50]
// Admin OData (docs/benchmarks.md): dotnet run -c Release --project tools/FhirEf.Benchmarks -- odata [--connection CS] --project P [--runs 30]
if (args is ["repo", ..])
{
    return await RepositoryLoadCommand.RunAsync(args[1..]);
}

if (args is ["search", ..])
{
    return await FhirEf.Benchmarks.Search.SearchBenchCommand.RunAsync(args[1..]);
}

if (args is ["odata", ..])
{
    return await FhirEf.Benchmarks.OData.ODataBenchmarkCommand.RunAsync(args[1..]);
}

if (args is ["rest", ..])
{
    return await RestLoadCommand.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

/// <summary>Entry point; the benchmarks are the classes of this assembly.</summary>
public partial class Program;
