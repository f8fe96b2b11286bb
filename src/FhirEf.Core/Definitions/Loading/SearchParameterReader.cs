using System.Text.Json;
using static FhirEf.Core.Definitions.Loading.DefinitionFileReader;

namespace FhirEf.Core.Definitions.Loading;

internal static class SearchParameterReader
{
    public static SearchParameterInfo Read(JsonElement parameter)
    {
        var type = RequiredString(parameter, "type");
        return new SearchParameterInfo
        {
            Url = RequiredString(parameter, "url"),
            Code = RequiredString(parameter, "code"),
            Name = String(parameter, "name") ?? string.Empty,
            Type = Enum.TryParse<SearchParamType>(type, ignoreCase: true, out var parsed)
                ? parsed
                : throw new FormatException($"unknown search parameter type '{type}'"),
            Base = Strings(parameter, "base") is { Count: > 0 } bases ? bases : throw new FormatException("no base"),
            Expression = String(parameter, "expression"),
            Targets = Strings(parameter, "target"),
            Modifiers = Strings(parameter, "modifier"),
            Comparators = Strings(parameter, "comparator"),
            Components = [.. Array(parameter, "component").Select(c =>
                new SearchParameterComponentInfo(RequiredString(c, "definition"), RequiredString(c, "expression")))],
            MultipleOr = Boolean(parameter, "multipleOr", true),
            MultipleAnd = Boolean(parameter, "multipleAnd", true),
            Chain = Strings(parameter, "chain"),
            Description = String(parameter, "description"),
            Version = String(parameter, "version"),
        };
    }
}
