using System.Diagnostics.Metrics;
using FhirEf.Core.Abstractions;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace FhirEf.EntityFramework.Storage.Caching;

/// <summary>
/// Current versions by tenant, type and id, in memory. Writers remove their key after commit; a reader
/// takes the key's invalidation stamp before it reads the database and stores what it read only if no
/// write invalidated the key meanwhile, so a read that raced a write cannot put the old version back.
/// Stamps live in a fixed array of slots a key hashes to, not one cache entry per written key: those were
/// ~500 bytes each for five minutes, so a bulk import at 2,000 resources/s held hundreds of megabytes of
/// them (a 1,000,000-resource <c>$import</c> grew the server past 680 MB). Two keys sharing a slot only make a
/// reader skip storing what it read: a later miss, never a stale hit.
/// Hits and misses are counted (properties and the <c>FhirEf.Storage</c> meter).
/// </summary>
public sealed class ResourceCache : IDisposable
{
    public const string MeterName = "FhirEf.Storage";

    private readonly MemoryCache? _cache;
    private readonly TimeSpan _timeToLive;
    private readonly Meter _meter;
    private readonly Counter<long> _hitCounter;
    private readonly Counter<long> _missCounter;
    private const int StampSlots = 1 << 16;
    private readonly long[] _stamps = new long[StampSlots];

    private long _hits;
    private long _misses;
    private long _lastStamp;

    public ResourceCache(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cache = options.Value.Cache;
        if (cache.Enabled)
        {
            _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = cache.SizeLimitBytes });
        }

        _timeToLive = TimeSpan.FromSeconds(cache.TimeToLiveSeconds);
        _meter = new Meter(MeterName);
        _hitCounter = _meter.CreateCounter<long>("fhiref.cache.hits");
        _missCounter = _meter.CreateCounter<long>("fhiref.cache.misses");
    }

    public bool Enabled => _cache is not null;

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    public bool TryGet(string projectId, string resourceType, string id, out ResourceVersion? version)
    {
        version = null;
        if (_cache is null)
        {
            return false;
        }

        if (_cache.TryGetValue(new Key(projectId, resourceType, id), out version))
        {
            Interlocked.Increment(ref _hits);
            _hitCounter.Add(1);
            return true;
        }

        Interlocked.Increment(ref _misses);
        _missCounter.Add(1);
        return false;
    }

    /// <summary>The key's invalidation stamp; pass it to <see cref="Set"/>.</summary>
    public long Stamp(string projectId, string resourceType, string id) =>
        _cache is null ? 0 : Volatile.Read(ref _stamps[Slot(projectId, resourceType, id)]);

    /// <summary>Caches <paramref name="version"/> unless the key was invalidated after <paramref name="stamp"/> was taken.</summary>
    public void Set(string projectId, ResourceVersion version, long stamp)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (_cache is null || Stamp(projectId, version.ResourceType, version.Id) != stamp)
        {
            return;
        }

        _cache.Set(new Key(projectId, version.ResourceType, version.Id), version, new MemoryCacheEntryOptions
        {
            Size = (version.Json?.Length ?? 0) * 2L + 128,
            AbsoluteExpirationRelativeToNow = _timeToLive,
        });
    }

    public void Remove(string projectId, string resourceType, string id)
    {
        if (_cache is null)
        {
            return;
        }

        Volatile.Write(ref _stamps[Slot(projectId, resourceType, id)], Interlocked.Increment(ref _lastStamp));
        _cache.Remove(new Key(projectId, resourceType, id));
    }

    public void Dispose()
    {
        _cache?.Dispose();
        _meter.Dispose();
    }

    /// <summary>How many versions are cached (tests, diagnostics).</summary>
    public int Count => _cache?.Count ?? 0;

    private static int Slot(string projectId, string resourceType, string id) => HashCode.Combine(projectId, resourceType, id) & (StampSlots - 1);

    private sealed record Key(string ProjectId, string ResourceType, string Id);
}
