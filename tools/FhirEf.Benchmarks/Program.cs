using BenchmarkDotNet.Running;
using FhirEf.Benchmarks.Repository;
using FhirEf.Benchmarks.Rest;

// BenchmarkDotNet: dotnet run -c Release --project tools/FhirEf.Benchmarks -- --filter '*'
// Export and reindex: dotnet run -c Release --project tools/FhirEf.Benchmarks -- export-reindex [--resources 200000] [--connection CS]
// REST load (tools/bench/rest.sh): dotnet run -c Release --project tools/FhirEf.Benchmarks -- rest ingest|raw-read ...
// Repository and schema (docs/benchmarks.md): dotnet run -c Release --project tools/FhirEf.Benchmarks -- repo all
// Admin OData (docs/benchmarks.md): dotnet run -c Release --project tools/FhirEf.Benchmarks -- odata [--connection CS] --project P [--runs 30]
if (args is ["repo", ..])
{
    return await RepositoryLoadCommand.RunAsync(args[1..]);
}

if (args is ["export-reindex", ..])
{
    return await FhirEf.Benchmarks.Bulk.ExportReindexBenchmark.RunAsync(args[1..]);
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
