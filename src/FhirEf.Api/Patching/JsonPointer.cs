using FhirEf.Core.Errors;

namespace FhirEf.Api.Patching;

/// <summary>JSON Pointer (RFC 6901): <c>/name/0/given</c>, with <c>~1</c> for '/' and <c>~0</c> for '~'.</summary>
public static class JsonPointer
{
    public static IReadOnlyList<string> Parse(string pointer, string at)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        if (pointer.Length == 0)
        {
            return [];
        }

        if (pointer[0] != '/')
        {
            throw new InvalidRequestException($"JSON Patch {at}: '{pointer}' is not a JSON Pointer (it starts with '/').");
        }

        return pointer[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
    }

    public static string Format(IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return string.Concat(tokens.Select(t => "/" + t.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));
    }
}
