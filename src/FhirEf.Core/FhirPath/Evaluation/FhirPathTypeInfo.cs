namespace FhirEf.Core.FhirPath.Evaluation;

/// <summary>What <c>type()</c> returns: a SimpleTypeInfo or ClassInfo with a namespace (<c>System</c> or <c>FHIR</c>) and a name.</summary>
public sealed record FhirPathTypeInfo(string Namespace, string Name)
{
    public const string SystemNamespace = "System";
    public const string FhirNamespace = "FHIR";

    public override string ToString() => $"{Namespace}.{Name}";
}
