using FhirEf.Core.Resources;

namespace FhirEf.Core.FhirPath.Evaluation;

/// <summary>
/// The state of one evaluation: the environment (<c>%context</c>, <c>%resource</c>, variables,
/// the fixed clock, trace and reference resolution) and the iteration variables <c>$index</c> and
/// <c>$total</c>, which the iterating functions set and restore. One context per evaluation; compiled
/// expressions themselves hold no state and are shared between threads.
/// </summary>
internal sealed class EvaluationContext
{
    private DateTimeOffset? _now;

    public EvaluationContext(FhirPathCollection input, FhirPathEvaluationOptions options, bool strict)
    {
        Input = input;
        Options = options;
        Strict = strict;
        var inputNode = input.Count == 1 ? input[0] as ElementNode : null;
        Resource = options.Resource ?? NearestResource(inputNode);
        RootResource = options.RootResource ?? Container(Resource);
    }

    /// <summary>The collection evaluation started from: <c>%context</c>.</summary>
    public FhirPathCollection Input { get; }

    public FhirPathEvaluationOptions Options { get; }

    /// <summary>Strict evaluation: see <see cref="Compilation.FhirPathCompiler.IsStrict"/>.</summary>
    public bool Strict { get; }

    public ElementNode? Resource { get; }

    public ElementNode? RootResource { get; }

    /// <summary><c>$index</c> of the innermost iterating function.</summary>
    public int Index { get; set; } = -1;

    /// <summary><c>$total</c> of the innermost <c>aggregate()</c>.</summary>
    public FhirPathCollection Total { get; set; }

    public DateTimeOffset Now => _now ??= Options.Now ?? DateTimeOffset.Now;

    public void WriteTrace(string name, FhirPathCollection collection)
    {
        if (Options.Trace is { } trace)
        {
            trace(name, collection);
        }
        else
        {
            Console.Error.WriteLine($"{name}: {FhirPathFormatting.Describe(collection)}");
        }
    }

    private static ElementNode? NearestResource(ElementNode? node)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            if (current.IsResource)
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>The resource that contains a contained resource, or the resource itself.</summary>
    private static ElementNode? Container(ElementNode? resource)
    {
        var current = resource;
        while (current is { JsonName: "contained", Parent: { } parent } && NearestResource(parent) is { } container)
        {
            current = container;
        }

        return current;
    }
}
