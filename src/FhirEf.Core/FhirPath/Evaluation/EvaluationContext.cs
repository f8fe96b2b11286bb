using FhirEf.Core.Resources;

namespace FhirEf.Core.FhirPath.Evaluation;

/// <summary>
/// The state of one evaluation: the environment (<c>%context</c>, <c>%resource</c>, variables,
/// the fixed clock, trace and reference resolution) and the iteration variables <c>$index</c> and
/// <c>$total</c>, which the iterating functions set and restore. Compiled expressions hold no state
/// and are shared between threads; a context belongs to one evaluation at a time, and
/// <see cref="Rent"/>/<see cref="Return"/> keep one spare per thread so evaluating a resource's search
/// parameters does not allocate a context each time.
/// </summary>
internal sealed class EvaluationContext
{
    [ThreadStatic]
    private static EvaluationContext? t_spare;

    private DateTimeOffset? _now;

    private EvaluationContext()
    {
        Options = FhirPathEvaluationOptions.Default;
    }

    /// <summary>The collection evaluation started from: <c>%context</c>.</summary>
    public FhirPathCollection Input { get; private set; }

    public FhirPathEvaluationOptions Options { get; private set; }

    /// <summary>Strict evaluation: see <see cref="Compilation.FhirPathCompiler.IsStrict"/>.</summary>
    public bool Strict { get; private set; }

    public ElementNode? Resource { get; private set; }

    public ElementNode? RootResource { get; private set; }

    /// <summary><c>$index</c> of the innermost iterating function.</summary>
    public int Index { get; set; }

    /// <summary><c>$total</c> of the innermost <c>aggregate()</c>.</summary>
    public FhirPathCollection Total { get; set; }

    public DateTimeOffset Now => _now ??= Options.Now ?? DateTimeOffset.Now;

    /// <summary>A context for a new evaluation: this thread's spare when it is free (it is not during a nested evaluation), else a new one.</summary>
    public static EvaluationContext Rent(FhirPathCollection input, FhirPathEvaluationOptions options, bool strict)
    {
        var context = t_spare ?? new EvaluationContext();
        t_spare = null;
        context.Input = input;
        context.Options = options;
        context.Strict = strict;
        var inputNode = input.Count == 1 ? input[0] as ElementNode : null;
        context.Resource = options.Resource ?? NearestResource(inputNode);
        context.RootResource = options.RootResource ?? Container(context.Resource);
        context.Index = -1;
        return context;
    }

    /// <summary>Ends an evaluation: forgets its data (so the spare keeps no tree alive) and keeps the context as this thread's spare.</summary>
    public static void Return(EvaluationContext context)
    {
        context.Input = FhirPathCollection.Empty;
        context.Options = FhirPathEvaluationOptions.Default;
        context.Resource = context.RootResource = null;
        context.Total = FhirPathCollection.Empty;
        context._now = null;
        t_spare = context;
    }

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
