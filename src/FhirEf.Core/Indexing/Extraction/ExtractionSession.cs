using FhirEf.Core.Definitions;
using FhirEf.Core.Indexing.Values;
using FhirEf.Core.Resources;

namespace FhirEf.Core.Indexing.Extraction;

/// <summary>
/// The working state of one index call, reused by the next call on the same thread: value buffers, and
/// the values each node already gave for a parameter type. Parameters share elements (an Observation's
/// <c>code</c> feeds <c>code</c>, <c>combo-code</c> and six composites), so each node is converted once
/// per type and the immutable values are shared.
/// </summary>
internal sealed class ExtractionSession
{
    /// <summary>A session that grew past this many cached nodes (a huge resource) is not kept for reuse.</summary>
    private const int MaxRetainedNodes = 4096;

    [ThreadStatic]
    private static ExtractionSession? t_idle;

    private readonly Dictionary<(ElementNode Node, SearchParamType Type), (SearchValue[] Values, bool Converted)> _converted = [];
    private readonly Stack<List<object>> _itemLists = new();

    private ExtractionSession(SearchValueConverter converter) => Converter = converter;

    public SearchValueConverter Converter { get; }

    /// <summary>The values of the parameter being extracted.</summary>
    public List<SearchValue> Values { get; } = new(64);

    /// <summary>The values of one composite component.</summary>
    public List<SearchValue> ComponentValues { get; } = new(8);

    /// <summary>A list for the items of an expression's result; give it back with <see cref="ReturnItems"/>.</summary>
    public List<object> RentItems() => _itemLists.TryPop(out var items) ? items : new List<object>(16);

    public void ReturnItems(List<object> items)
    {
        items.Clear();
        _itemLists.Push(items);
    }

    /// <summary>The thread's idle session, or a new one (a diagnostics callback that indexes again gets its own).</summary>
    public static ExtractionSession Rent(SearchValueConverter converter)
    {
        var session = t_idle;
        if (session is null || !ReferenceEquals(session.Converter, converter))
        {
            return new ExtractionSession(converter);
        }

        t_idle = null;
        return session;
    }

    public void Return()
    {
        var reusable = _converted.Count <= MaxRetainedNodes;
        _converted.Clear();
        Values.Clear();
        ComponentValues.Clear();
        if (reusable)
        {
            t_idle = this;
        }
    }

    /// <summary>Adds the values of <paramref name="node"/> for <paramref name="type"/> (converted on first use); false when it gives none it could read.</summary>
    public bool TryAdd(SearchParamType type, ElementNode node, ValueKind kind, List<SearchValue> output)
    {
        if (kind < ValueKind.Coding)
        {
            // A primitive is one string to read: cheaper to convert again than to remember.
            return Converter.TryAdd(type, node, kind, output);
        }

        if (_converted.TryGetValue((node, type), out var cached))
        {
            output.AddRange(cached.Values);
            return cached.Converted;
        }

        var start = output.Count;
        var converted = Converter.TryAdd(type, node, kind, output);
        var values = output.Count == start ? [] : new SearchValue[output.Count - start];
        output.CopyTo(start, values, 0, values.Length);
        _converted[(node, type)] = (values, converted);
        return converted;
    }

    /// <summary>Adds the values of any item: a node (cached) or a System value.</summary>
    public bool TryAdd(SearchParamType type, object item, List<SearchValue> output) => item is ElementNode node
        ? TryAdd(type, node, Converter.Kinds.Of(node), output)
        : Converter.TryAddSystemValue(type, item, output);
}
