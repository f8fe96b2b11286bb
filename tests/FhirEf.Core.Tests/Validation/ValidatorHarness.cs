using System.Text;
using FhirEf.Core.Definitions;
using FhirEf.Core.Validation;

namespace FhirEf.Core.Tests.Validation;

/// <summary>One validator over the R4 definitions, and JSON written with single quotes for readable test tables.</summary>
internal static class ValidatorHarness
{
    public static readonly ResourceValidator Validator = new(FhirDefinitions.R4);

    /// <summary>Validates <paramref name="json"/> after turning its single quotes into double quotes.</summary>
    public static ValidationResult Validate(string json) => Validator.Validate(Encoding.UTF8.GetBytes(json.Replace('\'', '"')));

    /// <summary>"path: message" of every issue, joined by " | "; empty when there are none.</summary>
    public static string Issues(string json) => string.Join(" | ", Validate(json).Issues.Select(i => i.ToString()));
}
