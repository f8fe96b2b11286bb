using FhirEf.Core.Definitions;
using FhirEf.Core.Indexing.Values;
using FhirEf.Core.Resources;

namespace FhirEf.Core.Indexing.Extraction;

/// <summary>
/// Turns one item of a parameter's FHIRPath result into the search values of the parameter's type, by
/// the item's FHIR type (R4 search §3.1.1.9). Items are nodes of the resource or System values some
/// expressions compute (<c>Patient.deceased.exists() and Patient.deceased != false</c> is a Boolean).
/// Returns false for an item the type cannot read (a malformed date, a type the parameter type does not
/// apply to), which is skipped.
/// </summary>
internal sealed class SearchValueConverter
{
    private readonly ReferenceValues _references;

    public SearchValueConverter(ValueKinds kinds, ReferenceValues references)
    {
        Kinds = kinds;
        _references = references;
    }

    public ValueKinds Kinds { get; }

    public bool TryAdd(SearchParamType type, ElementNode node, ValueKind kind, List<SearchValue> output) => type switch
    {
        SearchParamType.String => StringValues.TryAdd(node, kind, output),
        SearchParamType.Token => TokenValues.TryAdd(node, kind, output),
        SearchParamType.Date => DateValues.TryAdd(node, kind, output),
        SearchParamType.Number => NumberValues.TryAdd(node, kind, output),
        SearchParamType.Quantity => QuantityValues.TryAdd(node, kind, output),
        SearchParamType.Reference => _references.TryAdd(node, kind, output),
        SearchParamType.Uri => UriValues.TryAdd(node, kind, output),
        _ => false,
    };

    /// <summary>An item that is a System value rather than a node.</summary>
    public bool TryAddSystemValue(SearchParamType type, object value, List<SearchValue> output) => type switch
    {
        SearchParamType.String => value is string text && StringValues.TryAdd(text, output),
        SearchParamType.Token => TokenValues.TryAdd(value, output),
        SearchParamType.Date => DateValues.TryAdd(value, output),
        SearchParamType.Number => NumberValues.TryAdd(value, output),
        SearchParamType.Quantity => QuantityValues.TryAdd(value, output),
        SearchParamType.Reference => _references.TryAdd(value, output),
        SearchParamType.Uri => UriValues.TryAdd(value, output),
        _ => false,
    };
}
