namespace FhirEf.EntityFramework.Npgsql.Embedded;

/// <summary>Asks /proc whether a process lives, so a recycled PID of another program is not mistaken for ours.</summary>
internal static class ProcessProbe
{
    public static bool IsAlive(int processId, string? expectedName)
    {
        var commandLine = $"/proc/{processId}/cmdline";
        try
        {
            if (!File.Exists(commandLine))
            {
                return false;
            }

            // A zombie keeps its /proc entry but has an empty command line.
            var text = File.ReadAllText(commandLine);
            return text.Length > 0 && (expectedName is null || text.Contains(expectedName, StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
    }
}
