namespace FhirEf.Core.Configuration;

/// <summary>
/// Finds the FhirEf root folder: the one holding <c>appsettings.json</c> and <c>spec/fhir/r4</c>.
/// The server, the CLI, the design-time migrations factory and the tests all read the same
/// top-level configuration and definitions, wherever their build output lives.
/// </summary>
public static class FhirEfRoot
{
    /// <summary>Environment variable that names the root folder explicitly.</summary>
    public const string EnvironmentVariable = "FHIREF_ROOT";

    public static string? TryFind()
    {
        var explicitRoot = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(explicitRoot))
        {
            return Path.GetFullPath(explicitRoot);
        }

        return FindUpwards(Directory.GetCurrentDirectory()) ?? FindUpwards(AppContext.BaseDirectory);
    }

    public static string Find() => TryFind() ?? throw new InvalidOperationException(
        $"Could not find the FhirEf root folder (with appsettings.json and spec/fhir/r4) above '{Directory.GetCurrentDirectory()}' " +
        $"or '{AppContext.BaseDirectory}'. Run from the repository, or set {EnvironmentVariable}.");

    public static bool IsRoot(string folder) =>
        File.Exists(Path.Combine(folder, "appsettings.json")) && Directory.Exists(Path.Combine(folder, "spec", "fhir", "r4"));

    private static string? FindUpwards(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (IsRoot(folder.FullName))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
