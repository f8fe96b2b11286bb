using System.Diagnostics;

namespace FhirEf.Benchmarks.Search;

/// <summary>Wall-clock samples of one operation, in milliseconds, and their nearest-rank percentiles.</summary>
internal sealed class Latency
{
    private readonly List<double> _samples = [];

    public async Task<T> TimeAsync<T>(Func<Task<T>> operation)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await operation();
        _samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return result;
    }

    public double Percentile(double p)
    {
        var sorted = _samples.Order().ToList();
        return sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
