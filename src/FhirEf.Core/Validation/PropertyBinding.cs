using FhirEf.Core.Definitions;

namespace FhirEf.Core.Validation;

/// <summary>
/// A JSON property name resolved once against its parent element: "valueQuantity" is value[x] as
/// Quantity, "_given" is the Element beside the given strings. Cached per <see cref="ObjectShape"/>,
/// so that walking a resource does not resolve, or even allocate, the same names again.
/// </summary>
internal sealed class PropertyBinding
{
    public PropertyBinding(string name, ElementDefinitionInfo child, string typeCode, int ordinal, BindingTarget target, PrimitiveKind primitiveKind, ObjectShape? objectShape)
    {
        Name = name;
        IsExtension = name.Length > 1 && name[0] == '_';
        JsonName = IsExtension ? name[1..] : name;
        SiblingName = IsExtension ? JsonName : "_" + name;
        Child = child;
        TypeCode = typeCode;
        Ordinal = ordinal;
        Target = target;
        PrimitiveKind = primitiveKind;
        ObjectShape = objectShape;
    }

    /// <summary>The property as written: "given" or "_given".</summary>
    public string Name { get; }

    /// <summary>The element's JSON name, without "_".</summary>
    public string JsonName { get; }

    /// <summary>The other half of a primitive: "_given" for "given", "given" for "_given".</summary>
    public string SiblingName { get; }

    /// <summary>True for a "_name" property: the id and extensions of a primitive.</summary>
    public bool IsExtension { get; }

    public ElementDefinitionInfo Child { get; }

    /// <summary>The type the name implies ("Quantity" for valueQuantity).</summary>
    public string TypeCode { get; }

    /// <summary>The child's position among its parent's children.</summary>
    public int Ordinal { get; }

    /// <summary>For a "_name" property: what the value beside it is (it must be <see cref="BindingTarget.Primitive"/>).</summary>
    public BindingTarget Target { get; }

    public PrimitiveKind PrimitiveKind { get; }

    /// <summary>The children of an object value (<see cref="BindingTarget.Object"/>).</summary>
    public ObjectShape? ObjectShape { get; }
}
