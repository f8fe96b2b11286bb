using System.Globalization;

namespace FhirEf.EntityFramework.Npgsql.Embedded;

/// <summary>The parts of PostgreSQL's <c>postmaster.pid</c> FhirEf reads: line 1 the PID, line 4 the port.</summary>
internal sealed record PostmasterPidFile(int ProcessId, int Port)
{
    public static PostmasterPidFile? TryRead(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        return lines.Length >= 4
            && int.TryParse(lines[0], CultureInfo.InvariantCulture, out var pid)
            && int.TryParse(lines[3], CultureInfo.InvariantCulture, out var port)
            ? new PostmasterPidFile(pid, port)
            : null;
    }
}
