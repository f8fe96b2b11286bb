namespace FhirEf.Core.Errors;

/// <summary>A search parameter or value the server cannot accept (400), naming the parameter and the value.</summary>
public sealed class InvalidSearchException : FhirException
{
    public InvalidSearchException(string parameter, string? value, string reason)
        : base(value is null ? $"Search parameter '{parameter}': {reason}" : $"Search parameter '{parameter}' value '{Shorten(value)}': {reason}", "invalid", parameter)
    {
        Parameter = parameter;
    }

    public string Parameter { get; }

    private static string Shorten(string value) => value.Length <= 200 ? value : value[..200] + "…";
}
