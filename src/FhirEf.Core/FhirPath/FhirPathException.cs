namespace FhirEf.Core.FhirPath;

/// <summary>The base of every error the FHIRPath engine raises, so callers can catch them as one family.</summary>
public abstract class FhirPathException : Exception
{
    protected FhirPathException(string message)
        : base(message)
    {
    }

    protected FhirPathException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
