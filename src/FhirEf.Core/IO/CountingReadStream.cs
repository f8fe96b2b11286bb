namespace FhirEf.Core.IO;

/// <summary>
/// A read-only pass-through that counts the bytes read: import progress reads <see cref="BytesRead"/>,
/// the REST layer's body limit overrides <see cref="OnRead"/> to refuse a body past its limit.
/// </summary>
/// <param name="inner">The stream read from.</param>
/// <param name="leaveOpen">Leave <paramref name="inner"/> open on dispose (a request body belongs to the host).</param>
public class CountingReadStream(Stream inner, bool leaveOpen = false) : Stream
{
    private long _read;

    public long BytesRead => Interlocked.Read(ref _read);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        if (!leaveOpen)
        {
            await inner.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    /// <summary>Called after every read with the total so far; throw to refuse the rest.</summary>
    protected virtual void OnRead(long total)
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        OnRead(Interlocked.Add(ref _read, read));
        return read;
    }
}
