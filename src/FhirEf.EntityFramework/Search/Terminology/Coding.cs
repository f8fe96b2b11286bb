namespace FhirEf.EntityFramework.Search.Terminology;

/// <summary>One member of an expansion: a code in its system (null when a value set enumerates a code without one).</summary>
internal readonly record struct Coding(string? System, string Code);
