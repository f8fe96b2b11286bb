using FhirEf.Api.Formatting;
using FhirEf.Core.Errors;

namespace FhirEf.Api.ErrorHandling;

/// <summary>
/// The request is well formed but cannot be carried out on the resource as it is (422): a patch whose
/// operations do not apply, or whose result is not a valid resource.
/// </summary>
public sealed class UnprocessableEntityException : FhirException
{
    public UnprocessableEntityException(string message, string issueCode = "processing", string? expression = null)
        : base(message, issueCode, expression)
    {
        Issues = [new OutcomeIssue("error", issueCode, message, expression)];
    }

    public UnprocessableEntityException(string message, IReadOnlyList<OutcomeIssue> issues)
        : base(message, issues.Count > 0 ? issues[0].Code : "processing", issues.Count > 0 ? issues[0].Expression : null)
    {
        Issues = issues;
    }

    public IReadOnlyList<OutcomeIssue> Issues { get; }
}
