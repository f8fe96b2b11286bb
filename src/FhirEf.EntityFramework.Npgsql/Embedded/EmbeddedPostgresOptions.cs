using System.ComponentModel.DataAnnotations;

namespace FhirEf.EntityFramework.Npgsql.Embedded;

/// <summary>
/// The private PostgreSQL cluster FhirEf starts when <c>ConnectionStrings:Fhir</c> is empty
/// (configuration section <c>Database:Embedded</c>).
/// </summary>
public sealed class EmbeddedPostgresOptions
{
    public const string SectionName = "Database:Embedded";

    /// <summary>Cluster folder; relative paths are resolved against the FhirEf root folder.</summary>
    [Required]
    public string DataDirectory { get; set; } = ".data/postgres";

    /// <summary>TCP port on 127.0.0.1. 0 picks a free port (tests use this).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 54329;

    /// <summary>The database FhirEf uses inside the cluster; created when missing.</summary>
    [Required]
    public string Database { get; set; } = "fhiref";

    /// <summary>PostgreSQL <c>bin</c> folder; empty finds it with <c>pg_config --bindir</c> or in /usr/lib/postgresql.</summary>
    public string? BinDirectory { get; set; }

    /// <summary>
    /// OS user that owns and runs the cluster. Empty means the current user, or <c>postgres</c> when
    /// running as root (initdb refuses root).
    /// </summary>
    public string? OsUser { get; set; }

    /// <summary>
    /// Trades durability for speed (<c>fsync=off</c>, no synchronous commit). For throw-away test
    /// clusters only.
    /// </summary>
    public bool Ephemeral { get; set; }

    /// <summary>Extra <c>postgres -c name=value</c> settings.</summary>
    public Dictionary<string, string> Settings { get; set; } = [];

    [Range(1, 600)]
    public int StartTimeoutSeconds { get; set; } = 60;
}
