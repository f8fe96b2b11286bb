using System.Text.Json;

namespace FhirEf.Core.Indexing;

/// <summary>Extracts every search value of a resource (its search parameters' FHIRPath expressions, compartments, text).</summary>
public interface IResourceIndexer
{
    /// <summary>Bumped whenever extraction changes, so stored rows can be found and reindexed.</summary>
    int Version { get; }

    IndexedResource Index(JsonElement resource);
}
