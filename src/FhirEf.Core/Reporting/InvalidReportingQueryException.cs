namespace FhirEf.Core.Reporting;

/// <summary>A reporting query FhirEf cannot answer as asked (an unsupported construct, too large); the admin API answers 400.</summary>
public sealed class InvalidReportingQueryException : Exception
{
    public InvalidReportingQueryException(string message)
        : base(message)
    {
    }

    public InvalidReportingQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidReportingQueryException()
    {
    }
}
