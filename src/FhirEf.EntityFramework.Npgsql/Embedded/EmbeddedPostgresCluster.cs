using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using FhirEf.EntityFramework.Npgsql.Sql;
using Npgsql;

namespace FhirEf.EntityFramework.Npgsql.Embedded;

/// <summary>
/// A private PostgreSQL cluster run from the machine's binaries: initdb once, start on 127.0.0.1 with
/// trust authentication, stop on dispose, and recover from a previous owner that was killed.
/// </summary>
/// <remarks>
/// The postmaster is started by <c>pg_ctl</c>, which detaches it into its own session, so it outlives a
/// killed owner. The next start finds it through <c>postmaster.pid</c> and the <c>fhiref.owner</c> file:
/// a live owner (another FhirEf process) is shared, a dead one is replaced.
/// </remarks>
public sealed class EmbeddedPostgresCluster : IAsyncDisposable
{
    public const string SuperUser = "postgres";

    private const string OwnerFileName = "fhiref.owner";
    private const string LogFileName = "fhiref-postgres.log";

    private readonly EmbeddedPostgresOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _binDirectory;
    private bool _owned;

    public EmbeddedPostgresCluster(EmbeddedPostgresOptions options, string rootDirectory, ILogger<EmbeddedPostgresCluster>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(rootDirectory);
        _options = options;
        _logger = logger ?? NullLogger<EmbeddedPostgresCluster>.Instance;
        OsUser = string.IsNullOrWhiteSpace(options.OsUser)
            ? (OsCommand.IsRoot ? "postgres" : OsCommand.CurrentUserName)
            : options.OsUser;
        DataDirectory = DataDirectoryLocator.Resolve(
            Path.GetFullPath(options.DataDirectory, rootDirectory), OsUser, _logger);
        Port = options.Port;
    }

    public string DataDirectory { get; }

    public string OsUser { get; }

    /// <summary>The port the cluster listens on (known after start when configured as 0).</summary>
    public int Port { get; private set; }

    public bool IsStarted { get; private set; }

    public string LogFile => Path.Combine(DataDirectory, LogFileName);

    public string ConnectionString(string? database = null) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Database = database ?? _options.Database,
        // The embedded cluster is FhirEf's own: no other tenant competes for its connections.
        MaxPoolSize = 100,
    }.ConnectionString;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (IsStarted)
            {
                return;
            }

            _binDirectory = PostgresBinaries.Locate(_options.BinDirectory);
            await EnsureInitializedAsync(cancellationToken);

            if (await TryAttachOrReclaimAsync(cancellationToken))
            {
                IsStarted = true;
                return;
            }

            // A port picked once is kept across restarts: connection strings handed out stay valid.
            Port = Port != 0 ? Port : FreePort();
            EnsurePortFree(Port);
            await PgCtlAsync(
                ["start", "-w", "-t", _options.StartTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
                 "-l", LogFile, "-o", ServerOptions()],
                "start", cancellationToken);
            await File.WriteAllTextAsync(OwnerFilePath, Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);
            _owned = true;
            IsStarted = true;
            await WaitUntilAcceptingAsync(cancellationToken);
            await EnsureDatabaseAsync(cancellationToken);
            _logger.LogInformation("Embedded PostgreSQL started on 127.0.0.1:{Port} (data {DataDirectory}, user {OsUser})",
                Port, DataDirectory, OsUser);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the cluster if this instance started it (a shared cluster keeps running).</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!IsStarted)
            {
                return;
            }

            IsStarted = false;
            if (!_owned)
            {
                return;
            }

            _owned = false;
            NpgsqlConnection.ClearAllPools();
            await PgCtlAsync(["stop", "-m", "fast", "-w", "-t", "60"], "stop", cancellationToken);
            File.Delete(OwnerFilePath);
            _logger.LogInformation("Embedded PostgreSQL stopped (data {DataDirectory})", DataDirectory);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _gate.Dispose();
    }

    private string OwnerFilePath => Path.Combine(DataDirectory, OwnerFileName);

    private string PgCtl => Path.Combine(_binDirectory!, "pg_ctl");

    private async Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            // A folder copied or restored by root belongs to root: give it back to the cluster's user.
            if (OsUser != OsCommand.CurrentUserName && !await OwnedByAsync(DataDirectory, OsUser, cancellationToken))
            {
                await ChownAsync(recursive: true, cancellationToken);
            }

            return;
        }

        // A folder without PG_VERSION is a half-finished initdb of ours: start over.
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }

        Directory.CreateDirectory(DataDirectory);
        if (OsUser != OsCommand.CurrentUserName)
        {
            await ChownAsync(recursive: false, cancellationToken);
        }

        _logger.LogInformation("Creating the embedded PostgreSQL cluster in {DataDirectory}", DataDirectory);
        List<string> arguments =
        [
            "-D", DataDirectory, "-U", SuperUser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8",
            "--no-instructions",
        ];
        if (_options.Ephemeral)
        {
            arguments.Add("--no-sync");
        }

        var result = await OsCommand.RunAsync(Path.Combine(_binDirectory!, "initdb"), arguments, OsUser, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new EmbeddedPostgresException($"initdb failed for {DataDirectory}: {result.Describe()}");
        }
    }

    private async Task ChownAsync(bool recursive, CancellationToken cancellationToken)
    {
        List<string> arguments = recursive ? ["-R", $"{OsUser}:", DataDirectory] : [$"{OsUser}:", DataDirectory];
        var chown = await OsCommand.RunAsync("chown", arguments, runAs: null, cancellationToken);
        if (chown.ExitCode != 0)
        {
            throw new EmbeddedPostgresException(
                $"Could not give {DataDirectory} to the OS user '{OsUser}' that runs the embedded PostgreSQL: {chown.Describe()}. " +
                "Set Database:Embedded:OsUser to an existing unprivileged user.");
        }
    }

    private static async Task<bool> OwnedByAsync(string path, string user, CancellationToken cancellationToken)
    {
        var stat = await OsCommand.RunAsync("stat", ["-c", "%U", path], runAs: null, cancellationToken);
        return stat.ExitCode == 0 && stat.Output.Trim() == user;
    }

    /// <summary>
    /// Deals with a postmaster already running on our data folder: shares it while its owner lives,
    /// otherwise stops it (a previous owner was killed) so a fresh start applies the current settings.
    /// </summary>
    private async Task<bool> TryAttachOrReclaimAsync(CancellationToken cancellationToken)
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        var postmaster = PostmasterPidFile.TryRead(pidFile);
        if (postmaster is null)
        {
            return false;
        }

        if (!ProcessProbe.IsAlive(postmaster.ProcessId, "postgres"))
        {
            _logger.LogWarning("Removing the stale postmaster.pid of a cluster that is no longer running ({DataDirectory})", DataDirectory);
            File.Delete(pidFile);
            return false;
        }

        var owner = ReadOwner();
        if (owner is { } ownerPid && ownerPid != Environment.ProcessId && ProcessProbe.IsAlive(ownerPid, expectedName: null))
        {
            Port = postmaster.Port;
            _owned = false;
            _logger.LogInformation("Sharing the embedded PostgreSQL on port {Port} started by process {Owner}", Port, ownerPid);
            await WaitUntilAcceptingAsync(cancellationToken);
            await EnsureDatabaseAsync(cancellationToken);
            return true;
        }

        _logger.LogWarning("Recovering the embedded PostgreSQL left running by a process that ended (pid {Postmaster}); restarting it",
            postmaster.ProcessId);
        await PgCtlAsync(["stop", "-m", "fast", "-w", "-t", "60"], "stop the stale", cancellationToken);
        return false;
    }

    private int? ReadOwner()
    {
        try
        {
            return int.TryParse(File.ReadAllText(OwnerFilePath).Trim(), CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private string ServerOptions()
    {
        var settings = new List<KeyValuePair<string, string>>
        {
            new("listen_addresses", "127.0.0.1"),
            new("port", Port.ToString(CultureInfo.InvariantCulture)),
            // No Unix socket: a folder writable by the cluster's user is not guaranteed, and TCP is all FhirEf uses.
            new("unix_socket_directories", string.Empty),
        };
        if (_options.Ephemeral)
        {
            settings.Add(new("fsync", "off"));
            settings.Add(new("synchronous_commit", "off"));
            settings.Add(new("full_page_writes", "off"));
        }

        settings.AddRange(_options.Settings);
        // pg_ctl hands these to /bin/sh: quote every value.
        return string.Join(' ', settings.Select(s => $"-c {s.Key}='{s.Value.Replace("'", "'\\''", StringComparison.Ordinal)}'"));
    }

    private async Task PgCtlAsync(IReadOnlyList<string> arguments, string what, CancellationToken cancellationToken)
    {
        var result = await OsCommand.RunAsync(PgCtl, ["-D", DataDirectory, .. arguments], OsUser, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new EmbeddedPostgresException(
                $"pg_ctl could not {what} the embedded PostgreSQL in {DataDirectory}: {result.Describe()} (see {LogFile})");
        }
    }

    private async Task WaitUntilAcceptingAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(_options.StartTimeoutSeconds);
        var connectionString = new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false, Timeout = 5 }.ConnectionString;
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (Exception e) when (e is NpgsqlException or SocketException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private async Task EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new() { Value = _options.Database } },
        };
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        await using var create = new NpgsqlCommand($"CREATE DATABASE {SqlIdentifier.Quote(_options.Database)}", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another process sharing the cluster created it first.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void EnsurePortFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
        }
        catch (SocketException e)
        {
            throw new EmbeddedPostgresException(
                $"Port {port} on 127.0.0.1 is in use by another program, so the embedded PostgreSQL cannot start. " +
                "Set Database:Embedded:Port to a free port (0 picks one), or stop that program.", e);
        }
    }
}
