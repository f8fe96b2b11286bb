namespace FhirEf.EntityFramework.Npgsql.Embedded;

/// <summary>Locates the machine's PostgreSQL server binaries (initdb, pg_ctl, postgres).</summary>
internal static class PostgresBinaries
{
    public const int MinimumMajorVersion = 15;

    private const string DebianRoot = "/usr/lib/postgresql";

    public static string Locate(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return HasServerBinaries(configured)
                ? configured
                : throw new EmbeddedPostgresException(
                    $"Database:Embedded:BinDirectory is '{configured}', but initdb and pg_ctl are not there.");
        }

        foreach (var candidate in Candidates())
        {
            if (HasServerBinaries(candidate))
            {
                return candidate;
            }
        }

        throw new EmbeddedPostgresException(
            "No PostgreSQL server binaries were found (looked with pg_config --bindir and in /usr/lib/postgresql/*/bin). " +
            "Install them with 'sudo apt-get install -y postgresql postgresql-contrib' (PostgreSQL " +
            $"{MinimumMajorVersion} or later), set Database:Embedded:BinDirectory to their folder, " +
            "or set ConnectionStrings:Fhir to use your own PostgreSQL server.");
    }

    private static IEnumerable<string> Candidates()
    {
        var fromPgConfig = OsCommand.TryReadLine("pg_config", "--bindir");
        if (fromPgConfig is not null)
        {
            yield return fromPgConfig;
        }

        if (!Directory.Exists(DebianRoot))
        {
            yield break;
        }

        var versions = Directory.EnumerateDirectories(DebianRoot)
            .Select(path => (Path: path, Major: int.TryParse(Path.GetFileName(path), out var major) ? major : 0))
            .Where(v => v.Major >= MinimumMajorVersion)
            .OrderByDescending(v => v.Major);
        foreach (var version in versions)
        {
            yield return Path.Combine(version.Path, "bin");
        }
    }

    private static bool HasServerBinaries(string folder) =>
        File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl"));
}
