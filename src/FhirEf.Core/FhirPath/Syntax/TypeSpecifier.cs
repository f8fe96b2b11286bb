namespace FhirEf.Core.FhirPath.Syntax;

/// <summary>
/// A type name as written: <c>Quantity</c>, <c>FHIR.Patient</c>, <c>System.Boolean</c>.
/// <see cref="Namespace"/> is null when the name is unqualified.
/// </summary>
public sealed record TypeSpecifier(string? Namespace, string Name)
{
    public override string ToString() => Namespace is null ? Name : $"{Namespace}.{Name}";
}
