using System.Data;
using FhirEf.Core.Abstractions;
using FhirEf.EntityFramework.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace FhirEf.EntityFramework.Npgsql.Storage;

/// <summary>
/// The database work of one request (a scoped service): one connection, the tenant, an EF context on
/// that same connection, and the unit of work. Nested <see cref="BeginAsync"/> calls are savepoints;
/// actions registered with <see cref="AfterCommit"/> run once the outermost transaction commits.
/// </summary>
public sealed class FhirSession : IFhirUnitOfWork, IFhirDbContextSource, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly IDbContextFactory<FhirDbContext> _contexts;
    private readonly List<Action> _afterCommit = [];
    private NpgsqlConnection? _connection;
    private NpgsqlTransaction? _transaction;
    private FhirDbContext? _context;
    private int _depth;
    private bool _disposed;

    /// <param name="contexts">A pooled factory: creating a context from scratch (its internal service scope) costs
    /// about a third of a cheap search; a pooled one is reset and handed back.</param>
    public FhirSession(NpgsqlDataSource dataSource, IDbContextFactory<FhirDbContext> contexts, TenantContext tenant)
    {
        _dataSource = dataSource;
        _contexts = contexts;
        Tenant = tenant;
    }

    public TenantContext Tenant { get; }

    public bool IsActive => _depth > 0;

    public NpgsqlTransaction? Transaction => _transaction;

    public async ValueTask<NpgsqlConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_connection is null)
        {
            _connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        }
        else if (_connection.State != ConnectionState.Open)
        {
            await _connection.OpenAsync(cancellationToken);
        }

        return _connection;
    }

    /// <summary>The EF context for reads and searches, on this session's connection and transaction, filtered to the tenant.</summary>
    public async ValueTask<FhirDbContext> ContextAsync(CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        if (_context is null)
        {
            // A pooled context keeps no state of its last session but these, which are set every time.
            _context = _contexts.CreateDbContext();
            _context.ProjectId = Tenant.ProjectId;
            _context.Database.SetDbConnection(connection);
            _context.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            _context.ChangeTracker.AutoDetectChangesEnabled = false;
        }

        if (_context.Database.CurrentTransaction?.GetDbTransaction() != _transaction)
        {
            await _context.Database.UseTransactionAsync(_transaction, cancellationToken);
        }

        return _context;
    }

    public async Task<IFhirTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        if (_depth == 0)
        {
            _transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            _afterCommit.Clear();
            _depth = 1;
            return new Scope(this, savepoint: null);
        }

        var name = "fhiref_" + _depth;
        await _transaction!.SaveAsync(name, cancellationToken);
        _depth++;
        return new Scope(this, name);
    }

    /// <summary>Runs <paramref name="action"/> after the outermost commit (at once when no transaction is open).</summary>
    public void AfterCommit(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (IsActive)
        {
            _afterCommit.Add(action);
        }
        else
        {
            action();
        }
    }

    /// <summary>
    /// Idempotent, and it must be: the request scope disposes the session once for every registration it was
    /// resolved through (<see cref="FhirSession"/>, <see cref="IFhirUnitOfWork"/>, <see cref="IFhirDbContextSource"/>).
    /// A second dispose of a pooled context that another request has leased meanwhile would hand that
    /// request's context back to the pool under it (an <see cref="ObjectDisposedException"/> in its query).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        var (transaction, context, connection) = (_transaction, _context, _connection);
        (_transaction, _context, _connection) = (null, null, null);
        if (transaction is not null)
        {
            await transaction.DisposeAsync();
        }

        if (context is not null)
        {
            await context.DisposeAsync();
        }

        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    private async Task EndAsync(string? savepoint, bool commit, CancellationToken cancellationToken)
    {
        _depth--;
        if (savepoint is not null)
        {
            if (commit)
            {
                await _transaction!.ReleaseAsync(savepoint, cancellationToken);
            }
            else
            {
                await _transaction!.RollbackAsync(savepoint, cancellationToken);
            }

            return;
        }

        var transaction = _transaction!;
        _transaction = null;
        try
        {
            if (commit)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                await transaction.RollbackAsync(cancellationToken);
            }
        }
        finally
        {
            await transaction.DisposeAsync();
            if (_context is not null)
            {
                await _context.Database.UseTransactionAsync(null, cancellationToken);
            }
        }

        var actions = _afterCommit.ToArray();
        _afterCommit.Clear();
        if (commit)
        {
            foreach (var action in actions)
            {
                action();
            }
        }
    }

    private sealed class Scope(FhirSession session, string? savepoint) : IFhirTransaction
    {
        private bool _ended;

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            ObjectDisposedException.ThrowIf(_ended, this);
            _ended = true;
            await session.EndAsync(savepoint, commit: true, cancellationToken);
        }

        public async Task RollbackAsync(CancellationToken cancellationToken)
        {
            if (_ended)
            {
                return;
            }

            _ended = true;
            await session.EndAsync(savepoint, commit: false, cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_ended && session._transaction is not null)
            {
                await RollbackAsync(CancellationToken.None);
            }
        }
    }
}
