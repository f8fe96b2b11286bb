using System.Diagnostics.CodeAnalysis;

namespace FhirEf.Core.Definitions;

/// <summary>A resource, complex or primitive type from its StructureDefinition.</summary>
public sealed class FhirTypeDefinition
{
    private readonly Dictionary<string, ElementDefinitionInfo> _elementsByPath;

    internal FhirTypeDefinition(
        string name,
        string url,
        FhirTypeKind kind,
        bool isAbstract,
        string? baseType,
        ElementDefinitionInfo root,
        Dictionary<string, ElementDefinitionInfo> elementsByPath)
    {
        Name = name;
        Url = url;
        Kind = kind;
        IsAbstract = isAbstract;
        BaseType = baseType;
        Root = root;
        _elementsByPath = elementsByPath;
    }

    public string Name { get; }

    public string Url { get; }

    public FhirTypeKind Kind { get; }

    public bool IsAbstract { get; }

    /// <summary>The type this one specialises ("DomainResource" for Patient); null for Element and Resource.</summary>
    public string? BaseType { get; }

    /// <summary>The root element ("Patient"), parent of the top-level elements.</summary>
    public ElementDefinitionInfo Root { get; }

    public IEnumerable<ElementDefinitionInfo> Elements => _elementsByPath.Values;

    public bool TryGetElement(string path, [NotNullWhen(true)] out ElementDefinitionInfo? element) =>
        _elementsByPath.TryGetValue(path, out element);

    public override string ToString() => Name;
}
