using Microsoft.Extensions.Primitives;

namespace FhirEf.Api.Headers;

/// <summary>
/// The <c>Prefer</c> request header (RFC 7240) as FHIR uses it: <c>return</c> and <c>handling</c>.
/// Preferences are hints: unknown ones, and unknown values of known ones, are ignored as RFC 7240 §2 asks.
/// </summary>
public sealed record PreferHeader(ReturnPreference Return, HandlingPreference Handling)
{
    public static PreferHeader None { get; } = new(ReturnPreference.Unspecified, HandlingPreference.Unspecified);

    public static PreferHeader Parse(StringValues values)
    {
        var result = None;
        foreach (var value in values)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            foreach (var preference in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                // "return=minimal; foo=bar": parameters after ';' are not used by FHIR.
                var token = preference.Split(';', 2)[0].Trim();
                var equals = token.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    continue;
                }

                var name = token[..equals].Trim();
                var setting = token[(equals + 1)..].Trim().Trim('"');
                if (name.Equals("return", StringComparison.OrdinalIgnoreCase))
                {
                    result = result with
                    {
                        Return = setting switch
                        {
                            "minimal" => ReturnPreference.Minimal,
                            "representation" => ReturnPreference.Representation,
                            "OperationOutcome" => ReturnPreference.OperationOutcome,
                            _ => result.Return,
                        },
                    };
                }
                else if (name.Equals("handling", StringComparison.OrdinalIgnoreCase))
                {
                    result = result with
                    {
                        Handling = setting switch
                        {
                            "strict" => HandlingPreference.Strict,
                            "lenient" => HandlingPreference.Lenient,
                            _ => result.Handling,
                        },
                    };
                }
            }
        }

        return result;
    }
}
