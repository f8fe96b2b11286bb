namespace FhirEf.Core.Reporting;

/// <summary>A reporting query ran past the statement timeout and was cancelled in the database.</summary>
public sealed class ReportingTimeoutException : Exception
{
    public ReportingTimeoutException(int seconds, Exception? innerException = null)
        : base($"The query took longer than the {seconds} s limit and was stopped. Filter more narrowly or page with a smaller $top.", innerException)
    {
    }

    public ReportingTimeoutException()
    {
    }

    public ReportingTimeoutException(string message)
        : base(message)
    {
    }
}
