using System.Text.Json.Nodes;

namespace FhirEf.Api.ErrorHandling;

/// <summary>The HTTP status and OperationOutcome an error becomes.</summary>
public sealed record ErrorResponse(int Status, JsonObject Outcome);
