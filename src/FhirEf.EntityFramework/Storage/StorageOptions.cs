using System.ComponentModel.DataAnnotations;

namespace FhirEf.EntityFramework.Storage;

/// <summary>Configuration section <c>Fhir:Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Fhir:Storage";

    /// <summary>An update whose content equals the current version's writes no new version.</summary>
    public bool SkipUnchangedUpdates { get; set; } = true;

    public CacheOptions Cache { get; set; } = new();

    public RetryOptions Retry { get; set; } = new();

    public sealed class CacheOptions
    {
        public bool Enabled { get; set; } = true;

        /// <summary>Upper bound of the cached resources' JSON, in bytes.</summary>
        [Range(1, long.MaxValue)]
        public long SizeLimitBytes { get; set; } = 64L * 1024 * 1024;

        [Range(1, 86_400)]
        public int TimeToLiveSeconds { get; set; } = 300;
    }

    public sealed class RetryOptions
    {
        /// <summary>Attempts of a write transaction that hits a serialization failure or deadlock (40001, 40P01).</summary>
        [Range(1, 20)]
        public int MaxAttempts { get; set; } = 6;

        [Range(1, 10_000)]
        public int BaseDelayMilliseconds { get; set; } = 10;
    }
}
