using System.Collections;
using System.Diagnostics;

namespace FhirEf.Core.FhirPath.Evaluation;

/// <summary>
/// An ordered FHIRPath collection. Items are <see cref="Resources.ElementNode"/>s (FHIR data) or
/// System values: <see cref="bool"/>, <see cref="string"/>, <see cref="int"/>, <see cref="decimal"/>,
/// <see cref="FhirPathDate"/>, <see cref="FhirPathDateTime"/>, <see cref="FhirPathTime"/>,
/// <see cref="FhirPathQuantity"/> and <see cref="FhirPathTypeInfo"/>.
/// </summary>
/// <remarks>
/// A value type that holds nothing, one item, or part of a shared array, so the common results (empty, one
/// node, the children of one node) cost no allocation. The array is never written after it is
/// wrapped; treat a collection as immutable.
/// </remarks>
[DebuggerDisplay("Count = {Count}")]
public readonly struct FhirPathCollection : IReadOnlyList<object>
{
    private readonly object? _single;
    private readonly object[]? _items;
    private readonly int _offset;
    private readonly int _count;

    private FhirPathCollection(object single)
    {
        _single = single;
        _items = null;
        _offset = 0;
        _count = 1;
    }

    private FhirPathCollection(object[] items, int offset, int count)
    {
        _single = null;
        _items = items;
        _offset = offset;
        _count = count;
    }

    public static FhirPathCollection Empty => default;

    public static FhirPathCollection True { get; } = new(SystemValues.True);

    public static FhirPathCollection False { get; } = new(SystemValues.False);

    public int Count => _count;

    public bool IsEmpty => _count == 0;

    public object this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return _items is null ? _single! : _items[_offset + index];
        }
    }

    public static FhirPathCollection Of(object item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new FhirPathCollection(item);
    }

    public static FhirPathCollection Of(bool value) => value ? True : False;

    public static FhirPathCollection Of(params object[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Length switch
        {
            0 => Empty,
            1 => new FhirPathCollection(items[0]),
            _ => new FhirPathCollection((object[])items.Clone(), 0, items.Length),
        };
    }

    /// <summary>Wraps the first <paramref name="count"/> items of an array the caller will never change again.</summary>
    internal static FhirPathCollection Wrap(object[] items, int count) => Wrap(items, 0, count);

    /// <summary>Wraps part of an array the caller will never change again (the children of a node share one array).</summary>
    internal static FhirPathCollection Wrap(object[] items, int offset, int count)
    {
        Debug.Assert(offset + count <= items.Length);
        return count switch
        {
            0 => Empty,
            1 => new FhirPathCollection(items[offset]),
            _ => new FhirPathCollection(items, offset, count),
        };
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<object> IEnumerable<object>.GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<object>)this).GetEnumerator();

    /// <summary>Allocation-free enumerator for <c>foreach</c>.</summary>
    public struct Enumerator
    {
        private readonly FhirPathCollection _collection;
        private int _index;

        internal Enumerator(FhirPathCollection collection)
        {
            _collection = collection;
            _index = -1;
        }

        public readonly object Current => _collection[_index];

        public bool MoveNext() => ++_index < _collection._count;
    }
}
