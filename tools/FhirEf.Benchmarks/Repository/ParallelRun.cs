using System.Diagnostics;

namespace FhirEf.Benchmarks.Repository;

/// <summary>Runs work items on a fixed number of concurrent workers and times the whole run.</summary>
internal static class ParallelRun
{
    /// <returns>Elapsed seconds and each item's latency in milliseconds.</returns>
    public static async Task<(double Seconds, double[] LatenciesMs)> RunAsync(int items, int workers, Func<int, Task> work)
    {
        var latencies = new double[items];
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < items; i = Interlocked.Increment(ref next))
            {
                var start = Stopwatch.GetTimestamp();
                await work(i);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        })));
        return (watch.Elapsed.TotalSeconds, latencies);
    }

    public static double Percentile(double[] values, double percentile)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
