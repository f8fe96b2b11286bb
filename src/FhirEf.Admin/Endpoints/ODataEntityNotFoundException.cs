namespace FhirEf.Admin.Endpoints;

/// <summary>The key (or its Resource) addresses no row the caller may see: 404.</summary>
internal sealed class ODataEntityNotFoundException : Exception
{
    public ODataEntityNotFoundException(string message)
        : base(message)
    {
    }

    public ODataEntityNotFoundException()
    {
    }

    public ODataEntityNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
