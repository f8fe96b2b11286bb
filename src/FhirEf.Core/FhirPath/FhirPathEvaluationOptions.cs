using FhirEf.Core.FhirPath.Evaluation;
using FhirEf.Core.Resources;

namespace FhirEf.Core.FhirPath;

/// <summary>What the calling environment supplies to one evaluation (FHIRPath N1 §Environment variables).</summary>
public sealed class FhirPathEvaluationOptions
{
    /// <summary>The options of an evaluation that supplies nothing: trace to standard error, the clock, no variables.</summary>
    public static FhirPathEvaluationOptions Default { get; } = new();

    /// <summary>
    /// User variables, read as <c>%name</c>. A value is a <see cref="FhirPathCollection"/>, an item
    /// (an <see cref="ElementNode"/> or a System value such as a string), or null for an empty collection.
    /// </summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    /// <summary>
    /// <c>%resource</c>: the resource that contains the node under evaluation. Defaults to the
    /// nearest resource at or above the input node.
    /// </summary>
    public ElementNode? Resource { get; init; }

    /// <summary><c>%rootResource</c>: the container of a contained resource. Defaults to the top of the input's tree.</summary>
    public ElementNode? RootResource { get; init; }

    /// <summary>Receives <c>trace(name)</c> output: the name and the traced collection. Defaults to standard error.</summary>
    public Action<string, FhirPathCollection>? Trace { get; init; }

    /// <summary>The instant <c>now()</c>, <c>today()</c> and <c>timeOfDay()</c> report; the clock when null.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>
    /// Finds the target of a reference for <c>resolve()</c> beyond contained resources and the
    /// enclosing Bundle (a database lookup, say). Receives the reference string; null when not found.
    /// </summary>
    public Func<string, ElementNode?>? ResolveReference { get; init; }
}
