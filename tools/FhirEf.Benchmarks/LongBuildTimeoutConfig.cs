using BenchmarkDotNet.Configs;

namespace FhirEf.Benchmarks;

/// <summary>
/// BenchmarkDotNet builds a copy of the benchmark project in a child process and gives up after two
/// minutes; on the 2-core build machine, shared with other builds, that build takes longer.
/// </summary>
public sealed class LongBuildTimeoutConfig : ManualConfig
{
    public LongBuildTimeoutConfig() => WithBuildTimeout(TimeSpan.FromMinutes(15));
}
