using System.Text.Json;

namespace FhirEf.Api.Formatting;

/// <summary>A response body: a resource, an OperationOutcome, a Bundle. Written straight to the response (or into a Bundle entry) as JSON.</summary>
public abstract class FhirBody
{
    public abstract void WriteTo(Utf8JsonWriter writer, BodyContext context);
}
