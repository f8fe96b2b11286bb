using FhirEf.Api.ErrorHandling;
using FhirEf.Api.Interactions;

namespace FhirEf.Api.Bundles;

/// <summary>The outcome of one entry of a batch or transaction: a result, or the error it failed with.</summary>
public sealed record BundleEntryResult(FhirResult? Result, ErrorResponse? Error);
