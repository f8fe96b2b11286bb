using System.Globalization;

namespace FhirEf.Cli.Generate;

/// <summary>The process's peak resident set size (<c>VmHWM</c> of /proc/self/status), in MiB; null off Linux.</summary>
internal static class PeakMemory
{
    public static double? MebibytesOf(string statusFile = "/proc/self/status")
    {
        if (!File.Exists(statusFile))
        {
            return null;
        }

        var line = File.ReadLines(statusFile).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
