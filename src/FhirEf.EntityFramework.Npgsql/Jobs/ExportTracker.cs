using FhirEf.Core.Jobs;

namespace FhirEf.EntityFramework.Npgsql.Jobs;

/// <summary>
/// The progress of an export whose types are written at the same time: every stream reports here, and each
/// report is saved one after the other (a gate, held across the save), so a later save never carries an older
/// picture than an earlier one and <see cref="ExportProgress.Exported"/> adds up every stream's rows.
/// </summary>
internal sealed class ExportTracker(ExportProgress start, Func<ExportProgress, CancellationToken, Task<bool>> save) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    private readonly HashSet<string> _finished = [.. start.FinishedTypes];

    private readonly Dictionary<string, ExportFile> _files = start.Files
        .Where(f => start.FinishedTypes.Contains(f.Type, StringComparer.Ordinal))
        .ToDictionary(f => f.Type, StringComparer.Ordinal);

    /// <summary>Rows written so far in the types being written.</summary>
    private readonly Dictionary<string, long> _writing = new(StringComparer.Ordinal);

    /// <summary>The types still to write, in plan order.</summary>
    public IReadOnlyList<string> Pending => [.. start.Types.Where(t => !_finished.Contains(t))];

    /// <summary>Records that <paramref name="type"/> has <paramref name="written"/> rows so far; false once the job is no longer running.</summary>
    public Task<bool> WrittenAsync(string type, long written, CancellationToken cancellationToken) =>
        SaveAsync(() => _writing[type] = written, cancellationToken);

    /// <summary>Records a finished type (its file, unless it holds nothing); false once the job is no longer running.</summary>
    public Task<bool> FinishedAsync(ExportFile file, CancellationToken cancellationToken) =>
        SaveAsync(
            () =>
            {
                _writing.Remove(file.Type);
                _finished.Add(file.Type);
                if (file.Count > 0)
                {
                    _files[file.Type] = file;
                }
            },
            cancellationToken);

    public void Dispose() => _gate.Dispose();

    private async Task<bool> SaveAsync(Action update, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            update();
            return await save(Snapshot(), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private ExportProgress Snapshot()
    {
        var leading = start.Types.TakeWhile(_finished.Contains).Count();
        return start with
        {
            Finished = [.. start.Types.Where(_finished.Contains)],
            TypeIndex = leading,
            Files = [.. start.Types.Where(_files.ContainsKey).Select(t => _files[t])],
            Exported = _files.Values.Sum(f => f.Count) + _writing.Values.Sum(),
        };
    }
}
