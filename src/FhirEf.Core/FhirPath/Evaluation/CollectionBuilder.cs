namespace FhirEf.Core.FhirPath.Evaluation;

/// <summary>
/// Accumulates the items of a result. Keeps the first item (or the first whole collection) without
/// copying, so a step that yields a single item or passes one collection through allocates nothing.
/// A mutable struct: keep it in a local and never copy it.
/// </summary>
internal struct CollectionBuilder
{
    private FhirPathCollection _first;
    private object[]? _items;
    private int _count;

    public readonly int Count => _items is null ? _first.Count : _count;

    public void Add(object item)
    {
        if (_items is null)
        {
            if (_first.IsEmpty)
            {
                _first = FhirPathCollection.Of(item);
                return;
            }

            Spill(_first.Count + 1);
        }

        Grow(1);
        _items![_count++] = item;
    }

    public void AddRange(FhirPathCollection items)
    {
        if (items.IsEmpty)
        {
            return;
        }

        if (_items is null)
        {
            if (_first.IsEmpty)
            {
                _first = items;
                return;
            }

            Spill(_first.Count + items.Count);
        }

        Grow(items.Count);
        foreach (var item in items)
        {
            _items![_count++] = item;
        }
    }

    public readonly FhirPathCollection ToCollection() => _items is null ? _first : FhirPathCollection.Wrap(_items, _count);

    private void Spill(int capacity)
    {
        _items = new object[Math.Max(4, capacity)];
        foreach (var item in _first)
        {
            _items[_count++] = item;
        }
    }

    private void Grow(int extra)
    {
        if (_count + extra > _items!.Length)
        {
            Array.Resize(ref _items, Math.Max(_items.Length * 2, _count + extra));
        }
    }
}
