using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project tools/FhirEf.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point; the benchmarks are the classes of this assembly.</summary>
public partial class Program;
