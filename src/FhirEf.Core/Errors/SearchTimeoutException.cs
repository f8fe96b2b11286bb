namespace FhirEf.Core.Errors;

/// <summary>A search ran longer than the statement timeout and was cancelled in the database.</summary>
public sealed class SearchTimeoutException : FhirException
{
    public SearchTimeoutException(int seconds, Exception? innerException = null)
        : base($"The search took longer than the {seconds} s limit and was stopped. Narrow it with more selective parameters, or page with a smaller _count.", "too-costly", null, innerException)
    {
    }
}
