using System.Text.Json;
using static FhirEf.Core.Definitions.Loading.DefinitionFileReader;

namespace FhirEf.Core.Definitions.Loading;

internal static class CompartmentDefinitionReader
{
    public static CompartmentDefinitionInfo Read(JsonElement compartment)
    {
        var parameters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var resource in Array(compartment, "resource"))
        {
            parameters[RequiredString(resource, "code")] = Strings(resource, "param");
        }

        return new CompartmentDefinitionInfo(RequiredString(compartment, "code"), RequiredString(compartment, "url"), parameters);
    }
}
