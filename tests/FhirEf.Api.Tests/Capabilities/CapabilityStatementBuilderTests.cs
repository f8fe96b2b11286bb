using System.Text.Json.Nodes;
using FhirEf.Api.Capabilities;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace FhirEf.Api.Tests.Capabilities;

public sealed class CapabilityStatementBuilderTests
{
    private static readonly FhirDefinitions Definitions = FhirDefinitions.R4;

    [Fact]
    public void Every_concrete_resource_type_is_listed_with_its_interactions_and_operations()
    {
        var statement = Build(search: true, conditional: true);
        var resources = statement["rest"]![0]!["resource"]!.AsArray();
        var expected = Definitions.Structures.ResourceTypes.Where(Definitions.Structures.IsConcreteResourceType).Order(StringComparer.Ordinal);

        Assert.Equal(expected, resources.Select(r => r!["type"]!.GetValue<string>()));
        Assert.All(resources, r => Assert.Equal(
            ["read", "vread", "update", "patch", "delete", "history-instance", "history-type", "create", "search-type"],
            r!["interaction"]!.AsArray().Select(i => i!["code"]!.GetValue<string>())));
        Assert.All(resources, r => Assert.Contains("validate", r!["operation"]!.AsArray().Select(o => o!["name"]!.GetValue<string>())));
        Assert.Contains("everything", Resource(statement, "Patient")["operation"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void Search_parameters_come_from_the_registry_with_type_definition_and_documentation()
    {
        var patient = Resource(Build(search: true, conditional: true), "Patient");
        var parameters = patient["searchParam"]!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!);

        Assert.Equal(Definitions.SearchParameters.ForResource("Patient").Keys.Order(StringComparer.Ordinal), parameters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("string", parameters["family"]["type"]!.GetValue<string>());
        Assert.Equal("http://hl7.org/fhir/SearchParameter/individual-family", parameters["family"]["definition"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(parameters["family"]["documentation"]!.GetValue<string>()));
    }

    [Fact]
    public void Include_and_revinclude_values_follow_the_reference_parameters()
    {
        var statement = Build(search: true, conditional: true);
        var observationIncludes = Resource(statement, "Observation")["searchInclude"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
        var patientRevIncludes = Resource(statement, "Patient")["searchRevInclude"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();

        Assert.Contains("Observation:subject", observationIncludes);
        Assert.Contains("Observation:patient", observationIncludes);
        Assert.DoesNotContain("Observation:code", observationIncludes);
        Assert.Contains("Observation:subject", patientRevIncludes);
        Assert.Contains("Encounter:patient", patientRevIncludes);
    }

    [Fact]
    public void Without_search_and_conditional_operations_the_statement_does_not_claim_them()
    {
        var statement = Build(search: false, conditional: false);
        var patient = Resource(statement, "Patient");

        Assert.DoesNotContain("search-type", patient["interaction"]!.AsArray().Select(i => i!["code"]!.GetValue<string>()));
        Assert.Null(patient["searchParam"]);
        Assert.False(patient["conditionalCreate"]!.GetValue<bool>());
        Assert.Equal("not-supported", patient["conditionalDelete"]!.GetValue<string>());
        Assert.DoesNotContain("search-system", statement["rest"]![0]!["interaction"]!.AsArray().Select(i => i!["code"]!.GetValue<string>()));
    }

    [Fact]
    public void Formats_are_json_only_and_versioning_is_declared()
    {
        var statement = Build(search: true, conditional: true);

        Assert.Equal(["application/fhir+json", "application/json"], statement["format"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal("versioned-update", Resource(statement, "Patient")["versioning"]!.GetValue<string>());
        Assert.Equal("single", Resource(statement, "Patient")["conditionalDelete"]!.GetValue<string>());
        Assert.Equal(["transaction", "batch", "history-system", "search-system"], statement["rest"]![0]!["interaction"]!.AsArray().Select(i => i!["code"]!.GetValue<string>()));
    }

    [Fact]
    public void The_statement_is_cached_with_an_etag_per_base_url()
    {
        var builder = new CapabilityStatementBuilder(Definitions, Services(search: true, conditional: true));

        var first = builder.Get("http://a/fhir");

        Assert.Same(first, builder.Get("http://a/fhir"));
        Assert.Contains("\"url\":\"http://a/fhir/metadata\"", first.Json, StringComparison.Ordinal);
        Assert.StartsWith("W/\"", first.ETag, StringComparison.Ordinal);
    }

    private static JsonObject Build(bool search, bool conditional) =>
        new CapabilityStatementBuilder(Definitions, Services(search, conditional)).Build("http://localhost/fhir");

    private static JsonNode Resource(JsonObject statement, string type) =>
        statement["rest"]![0]!["resource"]!.AsArray().Single(r => r!["type"]!.GetValue<string>() == type)!;

    private static IServiceProviderIsService Services(bool search, bool conditional) => new Registered(search, conditional);

    /// <summary>Answers which services exist, as the container would.</summary>
    private sealed class Registered(bool search, bool conditional) : IServiceProviderIsService
    {
        public bool IsService(Type serviceType) =>
            (search && serviceType == typeof(IFhirSearchService)) || (conditional && serviceType == typeof(IFhirConditionalOperations));
    }
}
