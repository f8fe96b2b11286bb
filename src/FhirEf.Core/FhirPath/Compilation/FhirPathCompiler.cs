using System.Collections.Concurrent;
using FhirEf.Core.Definitions;
using FhirEf.Core.FhirPath.Syntax;

namespace FhirEf.Core.FhirPath.Compilation;

/// <summary>
/// Parses and compiles FHIRPath expressions against a set of FHIR definitions, and keeps the result
/// per expression text in a thread-safe cache, so the search parameters of a resource type are
/// compiled once per process. Thread-safe.
/// </summary>
public sealed class FhirPathCompiler
{
    /// <summary>The cache is emptied when it reaches this many expressions, so arbitrary user input cannot grow it without bound.</summary>
    public const int MaxCachedExpressions = 10_000;

    private static readonly Lazy<FhirPathCompiler> DefaultR4 = new(() => new FhirPathCompiler(FhirDefinitions.R4.Structures));

    private readonly ConcurrentDictionary<string, CompiledFhirPath> _cache = new(StringComparer.Ordinal);

    /// <param name="structures">The type definitions paths and type names are resolved with; null evaluates untyped.</param>
    /// <param name="strict">Compile and evaluate in strict mode (see <see cref="IsStrict"/>).</param>
    public FhirPathCompiler(StructureDefinitionRegistry? structures, bool strict = false)
    {
        Structures = structures;
        IsStrict = strict;
    }

    /// <summary>A compiler over the pinned R4 definitions (loaded on first use).</summary>
    public static FhirPathCompiler R4 => DefaultR4.Value;

    public StructureDefinitionRegistry? Structures { get; }

    /// <summary>
    /// Strict mode (FHIRPath N1 §Type safety and strict evaluation). When compiling, paths that start
    /// with a type name are checked against the definitions (<c>(Observation.value as Period).unit</c> is
    /// refused: Period has no unit), and order-dependent functions on the unordered results of
    /// children(), descendants() and repeat() are refused. When evaluating, a path step the item's type
    /// does not define, a type name at the start of a path that the input is not, and a non-Boolean
    /// where a Boolean is expected are errors instead of empty results or <c>true</c>.
    /// </summary>
    public bool IsStrict { get; }

    /// <summary>How many compiled expressions the cache holds.</summary>
    public int CachedCount => _cache.Count;

    /// <summary>The compiled expression, from the cache when it was compiled before.</summary>
    /// <exception cref="FhirPathSyntaxException">The expression is not valid FHIRPath.</exception>
    public CompiledFhirPath Compile(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (_cache.TryGetValue(expression, out var compiled))
        {
            return compiled;
        }

        compiled = CompileUncached(expression);
        if (_cache.Count >= MaxCachedExpressions)
        {
            _cache.Clear();
        }

        return _cache.GetOrAdd(expression, compiled);
    }

    private CompiledFhirPath CompileUncached(string expression)
    {
        var syntax = FhirPathParser.Parse(expression);
        if (IsStrict && Structures is not null)
        {
            StrictTypeChecker.Check(syntax, expression, Structures);
        }

        var root = new ExpressionCompiler(expression, Structures).Compile(syntax);
        return new CompiledFhirPath(expression, syntax, root, IsStrict);
    }
}
