using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FhirEf.Api.Formatting;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace FhirEf.Api.Capabilities;

/// <summary>
/// The server's CapabilityStatement (https://hl7.org/fhir/R4/capabilitystatement.html), generated
/// from the definitions and from what is registered: every concrete resource type with its
/// interactions; its search parameters (with type and documentation), <c>_include</c> and
/// <c>_revinclude</c> values and the conditional flags only when search and conditional operations
/// are there; the operations; JSON as the only format. Built once per base URL and cached.
/// </summary>
public sealed class CapabilityStatementBuilder(FhirDefinitions definitions, IServiceProviderIsService services)
{
    private const string CoreDefinitions = "http://hl7.org/fhir/OperationDefinition/";

    private static readonly string SoftwareVersion =
        typeof(CapabilityStatementBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    private static readonly string Published = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private readonly ConcurrentDictionary<string, CapabilityDocument> _cache = new(StringComparer.Ordinal);

    /// <summary>The statement as JSON, with its ETag.</summary>
    public CapabilityDocument Get(string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (_cache.TryGetValue(baseUrl, out var cached))
        {
            return cached;
        }

        if (_cache.Count > 32)
        {
            _cache.Clear();
        }

        var json = Build(baseUrl).ToJsonString(FhirJson.SerializerOptions);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)), 0, 8).ToLowerInvariant();
        return _cache.GetOrAdd(baseUrl, new CapabilityDocument(json, $"W/\"{hash}\""));
    }

    public JsonObject Build(string baseUrl)
    {
        var canSearch = services.IsService(typeof(IFhirSearchService));
        var canConditional = services.IsService(typeof(IFhirConditionalOperations));
        var resources = new JsonArray();
        foreach (var type in definitions.Structures.ResourceTypes.Where(definitions.Structures.IsConcreteResourceType).Order(StringComparer.Ordinal))
        {
            resources.Add(Resource(type, canSearch, canConditional));
        }

        var interactions = new JsonArray(Code("transaction"), Code("batch"), Code("history-system"));
        if (canSearch)
        {
            interactions.Add(Code("search-system"));
        }

        var rest = new JsonObject
        {
            ["mode"] = "server",
            ["documentation"] = "FhirEf: FHIR R4 over PostgreSQL. JSON only (XML is answered with 406/415). Transactions are atomic "
                + "(one database transaction) and processed DELETE, POST, PUT/PATCH, GET; history is append-only, so $meta-add and "
                + "$meta-delete write a new version.",
            ["resource"] = resources,
            ["interaction"] = interactions,
        };
        if (canSearch)
        {
            rest["searchParam"] = SearchParams(CommonParameters());
        }

        return new JsonObject
        {
            ["resourceType"] = "CapabilityStatement",
            ["id"] = "fhiref",
            ["url"] = $"{baseUrl}/metadata",
            ["version"] = SoftwareVersion,
            ["name"] = "FhirEf",
            ["title"] = "FhirEf FHIR R4 server",
            ["status"] = "active",
            ["experimental"] = false,
            ["date"] = Published,
            ["publisher"] = "FhirEf",
            ["kind"] = "instance",
            ["software"] = new JsonObject { ["name"] = "FhirEf", ["version"] = SoftwareVersion },
            ["implementation"] = new JsonObject { ["description"] = "FhirEf FHIR R4 server", ["url"] = baseUrl },
            ["fhirVersion"] = "4.0.1",
            ["format"] = new JsonArray(FhirMediaTypes.Json, FhirMediaTypes.PlainJson),
            ["patchFormat"] = new JsonArray(FhirMediaTypes.JsonPatch, FhirMediaTypes.Json),
            ["rest"] = new JsonArray(rest),
        };
    }

    private JsonObject Resource(string type, bool canSearch, bool canConditional)
    {
        var interactions = new JsonArray(
            Code("read"), Code("vread"), Code("update"), Code("patch"), Code("delete"), Code("history-instance"), Code("history-type"), Code("create"));
        if (canSearch)
        {
            interactions.Add(Code("search-type"));
        }

        var resource = new JsonObject
        {
            ["type"] = type,
            ["profile"] = $"http://hl7.org/fhir/StructureDefinition/{type}",
            ["interaction"] = interactions,
            ["versioning"] = "versioned-update",
            ["readHistory"] = true,
            ["updateCreate"] = true,
            ["conditionalCreate"] = canConditional,
            ["conditionalRead"] = "full-support",
            ["conditionalUpdate"] = canConditional,
            ["conditionalDelete"] = canConditional ? "single" : "not-supported",
            ["referencePolicy"] = new JsonArray("literal"),
        };
        if (canSearch)
        {
            var parameters = definitions.SearchParameters.ForResource(type);
            resource["searchInclude"] = new JsonArray(parameters.Values
                .Where(p => p.Type == SearchParamType.Reference)
                .Select(p => (JsonNode?)JsonValue.Create($"{type}:{p.Code}"))
                .OrderBy(n => n!.GetValue<string>(), StringComparer.Ordinal)
                .ToArray());
            resource["searchRevInclude"] = new JsonArray(RevIncludes(type).Select(r => (JsonNode?)JsonValue.Create(r)).ToArray());
            resource["searchParam"] = SearchParams(parameters.Values);
        }

        var operations = new JsonArray(
            Operation("validate", "Resource-validate"),
            Operation("meta", "Resource-meta"),
            Operation("meta-add", "Resource-meta-add"),
            Operation("meta-delete", "Resource-meta-delete"));
        if (type == "Patient" && canSearch)
        {
            operations.Add(Operation("everything", "Patient-everything"));
        }

        resource["operation"] = operations;
        return resource;
    }

    /// <summary><c>Source:param</c> for every reference parameter of another type that can point at <paramref name="type"/>.</summary>
    private IEnumerable<string> RevIncludes(string type) =>
        definitions.Structures.ResourceTypes
            .Where(definitions.Structures.IsConcreteResourceType)
            .SelectMany(source => definitions.SearchParameters.ForResource(source).Values
                .Where(p => p.Type == SearchParamType.Reference && (p.Targets.Count == 0 || p.Targets.Contains(type) || p.Targets.Contains("Resource")))
                .Select(p => $"{source}:{p.Code}"))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

    /// <summary>The parameters every resource type has (base Resource), for searches across types.</summary>
    private IEnumerable<SearchParameterInfo> CommonParameters() =>
        definitions.SearchParameters.All.Where(p => p.Base.Contains("Resource")).OrderBy(p => p.Code, StringComparer.Ordinal);

    private static JsonArray SearchParams(IEnumerable<SearchParameterInfo> parameters)
    {
        var array = new JsonArray();
        foreach (var parameter in parameters.OrderBy(p => p.Code, StringComparer.Ordinal))
        {
            var item = new JsonObject
            {
                ["name"] = parameter.Code,
                ["definition"] = parameter.Url,
                ["type"] = TypeCode(parameter.Type),
            };
            if (!string.IsNullOrWhiteSpace(parameter.Description))
            {
                item["documentation"] = parameter.Description;
            }

            array.Add(item);
        }

        return array;
    }

    private static string TypeCode(SearchParamType type) => type.ToString().ToLowerInvariant();

    private static JsonObject Code(string code) => new() { ["code"] = code };

    private static JsonObject Operation(string name, string definition) => new() { ["name"] = name, ["definition"] = CoreDefinitions + definition };
}
