using System.Text.Json;

namespace FhirEf.Core.Abstractions;

/// <summary>
/// Conditional interactions (https://hl7.org/fhir/R4/http.html#cond-update): the criteria are a search
/// query string for the resource type (<c>identifier=http://x|123</c>), evaluated and acted on atomically,
/// even when identical requests arrive at once.
/// </summary>
public interface IFhirConditionalOperations
{
    /// <summary><c>If-None-Exist</c>: no match → create (Created); one match → that resource (Unchanged); several → 412.</summary>
    Task<WriteResult> ConditionalCreateAsync(JsonElement resource, string criteria, WriteOptions options, CancellationToken cancellationToken);

    /// <summary><c>PUT Type?criteria</c>: no match → create; one → update it; several → 412.</summary>
    Task<WriteResult> ConditionalUpdateAsync(string resourceType, string criteria, JsonElement resource, WriteOptions options, CancellationToken cancellationToken);

    /// <summary><c>DELETE Type?criteria</c>: deletes the one match, or every match when <paramref name="allowMultiple"/>; several without it → 412.</summary>
    Task<IReadOnlyList<WriteResult>> ConditionalDeleteAsync(string resourceType, string criteria, bool allowMultiple, WriteOptions options, CancellationToken cancellationToken);

    /// <summary>The ids matching <paramref name="criteria"/> (for conditional references in transactions and conditional patch).</summary>
    Task<IReadOnlyList<string>> MatchAsync(string resourceType, string criteria, int limit, CancellationToken cancellationToken);
}
