using FhirEf.Core.FhirPath;
using FhirEf.Core.Resources;
using static FhirEf.Core.Tests.FhirPath.FhirPathTestData;

namespace FhirEf.Core.Tests.FhirPath;

/// <summary>resolve() without a database, and the SQL on FHIR keys.</summary>
public sealed class ReferenceResolutionTests
{
    private static readonly ElementNode Observation = Resource("""
        {"resourceType":"Observation","id":"o1","status":"final","code":{"text":"x"},
         "contained":[{"resourceType":"Device","id":"d1"}],
         "subject":{"reference":"Patient/123"},
         "performer":[{"reference":"http://example.org/fhir/Practitioner/p9/_history/2"},{"reference":"#d1"},{"reference":"urn:uuid:0b1c"},
                      {"type":"Organization","identifier":{"value":"acme"}}],
         "focus":[{"reference":"Unknowntype/1"}]}
        """);

    [Theory]
    [InlineData("Observation.subject.where(resolve() is Patient).reference", "[\"Patient/123\"]")]
    [InlineData("Observation.subject.where(resolve() is Group)", "[]")]
    [InlineData("Observation.subject.resolve().id", "[\"123\"]")]
    [InlineData("Observation.performer.resolve().type().name", "[\"Practitioner\",\"Device\",\"Organization\"]")]
    [InlineData("Observation.performer[1].resolve().id", "[\"d1\"]")]
    [InlineData("Observation.performer[2].resolve()", "[]")]
    [InlineData("Observation.focus.resolve()", "[]")]
    [InlineData("Observation.getResourceKey()", "[\"Observation/o1\"]")]
    [InlineData("Observation.subject.getReferenceKey()", "[\"Patient/123\"]")]
    [InlineData("Observation.performer.getReferenceKey(Practitioner)", "[\"Practitioner/p9\"]")]
    [InlineData("Observation.performer.getReferenceKey(Patient)", "[]")]
    public void References_resolve_to_what_they_name(string expression, string expected) =>
        Assert.Equal(expected, EvaluateToJson(expression, Observation));

    [Theory]
    [InlineData("Observation.performer.where(resolve() is Practitioner)", "Observation.performer.where(resolve().is(Practitioner))")]
    [InlineData("Observation.performer.where(resolve() is Device)", "Observation.performer.where(resolve().is(Device))")]
    [InlineData("Observation.performer.where(resolve() is DomainResource)", "Observation.performer.where(resolve().is(DomainResource))")]
    [InlineData("Observation.focus.resolve() is Patient", "Observation.focus.resolve().is(Patient)")]
    [InlineData("Observation.subject.resolve() is Patient", "Observation.subject.resolve().is(Patient)")]
    public void The_type_test_of_resolve_answers_as_resolving_then_testing(string fused, string unfused) =>
        Assert.Equal(EvaluateToJson(unfused, Observation), EvaluateToJson(fused, Observation));

    [Fact]
    public void Testing_the_type_of_several_resolved_targets_is_an_error() =>
        Assert.Throws<FhirPathEvaluationException>(() => Evaluate("Observation.performer.resolve() is Practitioner", Observation));

    [Fact]
    public void Inside_a_bundle_a_urn_reference_resolves_to_the_entry()
    {
        var bundle = Resource("""
            {"resourceType":"Bundle","type":"transaction","entry":[
              {"fullUrl":"urn:uuid:p1","resource":{"resourceType":"Patient","id":"p1","gender":"female"}},
              {"fullUrl":"urn:uuid:o1","resource":{"resourceType":"Observation","status":"final","code":{"text":"x"},"subject":{"reference":"urn:uuid:p1"}}}]}
            """);

        Assert.Equal("[\"female\"]", EvaluateToJson("Bundle.entry.resource.ofType(Observation).subject.resolve().gender", bundle));
    }

    [Fact]
    public void A_caller_supplied_resolver_is_asked_for_other_references()
    {
        var target = Resource("""{"resourceType":"Patient","id":"x","gender":"male"}""");
        var options = new FhirPathEvaluationOptions { ResolveReference = reference => reference == "urn:uuid:0b1c" ? target : null };

        Assert.Equal("[\"male\"]", FhirEf.Core.FhirPath.Evaluation.FhirPathFormatting.Describe(Evaluate("Observation.performer[2].resolve().gender", Observation, options)));
    }
}
