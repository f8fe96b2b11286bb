namespace FhirEf.Core.Definitions;

/// <summary>A definition that could not be read; loading goes on without it.</summary>
public sealed record DefinitionLoadIssue(string Source, string? ResourceId, string Message)
{
    public override string ToString() => ResourceId is null ? $"{Source}: {Message}" : $"{Source} ({ResourceId}): {Message}";
}
