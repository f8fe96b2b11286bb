namespace FhirEf.Core.Search.Syntax;

/// <summary>
/// <c>_include=Source:parameter[:Target]</c> (or <c>*</c>), <c>_revinclude=Source:parameter[:Target]</c>,
/// with <c>:iterate</c> (R4 also accepts <c>:recurse</c>).
/// </summary>
public sealed record IncludeSyntax(string SourceType, string Parameter, string? TargetType, bool Iterate)
{
    public bool IsWildcard => Parameter == "*";

    public override string ToString() => SourceType + ":" + Parameter + (TargetType is null ? string.Empty : ":" + TargetType);
}
