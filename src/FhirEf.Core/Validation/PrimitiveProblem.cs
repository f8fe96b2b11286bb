using FhirEf.Core.Errors;

namespace FhirEf.Core.Validation;

/// <summary>What <see cref="PrimitiveRules"/> found wrong with one primitive value.</summary>
internal readonly record struct PrimitiveProblem(IssueType Code, string Message, IssueSeverity Severity = IssueSeverity.Error);
