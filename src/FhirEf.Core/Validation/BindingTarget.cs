namespace FhirEf.Core.Validation;

/// <summary>What a JSON property's value is checked as.</summary>
internal enum BindingTarget
{
    /// <summary>A primitive value (<see cref="PropertyBinding.PrimitiveKind"/>).</summary>
    Primitive,

    /// <summary>An object whose children <see cref="PropertyBinding.ObjectShape"/> describes: a complex type, a backbone element, or the Element of a "_name" sibling.</summary>
    Object,

    /// <summary>A resource naming its own type (contained, Bundle.entry.resource, Parameters.parameter.resource).</summary>
    Resource,

    /// <summary>The definitions do not say (an element without a usable type, or "_name" beside a non-primitive).</summary>
    Undefined,
}
