using FhirEf.Core.Definitions;
using FhirEf.Core.Definitions.Loading;

namespace FhirEf.Core.Tests.Definitions;

public sealed class DefinitionLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fhiref-definitions").FullName;

    private static string Core(string name) =>
        Path.Combine(SpecificationSource.FindSpecDirectory()!, "fhir", "r4", name);

    [Fact]
    public void A_later_file_replaces_a_definition_with_the_same_url()
    {
        var replacement = Write("override.json", """
            {"resourceType":"SearchParameter","url":"http://hl7.org/fhir/SearchParameter/individual-gender","code":"gender",
             "type":"string","base":["Patient"],"expression":"Patient.gender"}
            """);

        var definitions = Load(Core("profiles-types.json"), Core("profiles-resources.json"), Core("search-parameters.json"), replacement);

        Assert.Equal(1375, definitions.SearchParameters.All.Count());
        Assert.True(definitions.SearchParameters.TryGet("Patient", "gender", out var gender));
        Assert.Equal(SearchParamType.String, gender.Type);
        Assert.False(definitions.SearchParameters.TryGet("Practitioner", "gender", out _));
    }

    [Fact]
    public void A_later_parameter_with_the_same_code_wins_for_its_base()
    {
        var platform = Write("platform.json", """
            {"resourceType":"SearchParameter","url":"http://fhiref.dev/SearchParameter/Patient-birthdate","code":"birthdate",
             "type":"token","base":["Patient"],"expression":"Patient.birthDate"}
            """);

        var definitions = Load(Core("profiles-types.json"), Core("profiles-resources.json"), Core("search-parameters.json"), platform);

        Assert.True(definitions.SearchParameters.TryGet("Patient", "birthdate", out var birthdate));
        Assert.Equal("http://fhiref.dev/SearchParameter/Patient-birthdate", birthdate.Url);
        Assert.True(definitions.SearchParameters.TryGet("Person", "birthdate", out var personBirthdate));
        Assert.Equal(SearchParamType.Date, personBirthdate.Type);
    }

    [Fact]
    public void Broken_files_and_resources_are_reported_and_the_rest_loads()
    {
        var brokenFile = Write("broken.json", "{ not json");
        var brokenResource = Write("bundle.json", """
            {"resourceType":"Bundle","entry":[
              {"resource":{"resourceType":"SearchParameter","id":"no-type","url":"http://x/a","code":"a","base":["Patient"]}},
              {"resource":{"resourceType":"SearchParameter","id":"ok","url":"http://x/b","code":"b","type":"token","base":["Patient"],"expression":"Patient.id"}}]}
            """);

        var definitions = Load(Core("profiles-types.json"), Core("profiles-resources.json"), brokenFile, brokenResource, Path.Combine(_folder, "missing.json"));

        Assert.Equal(3, definitions.Issues.Count);
        Assert.Contains(definitions.Issues, i => i.Source == "broken.json");
        Assert.Contains(definitions.Issues, i => i.ResourceId == "SearchParameter/no-type" && i.Message.Contains("type", StringComparison.Ordinal));
        Assert.Contains(definitions.Issues, i => i.Source == "missing.json");
        Assert.True(definitions.SearchParameters.TryGet("Patient", "b", out _));
        Assert.Equal(146, definitions.Structures.ResourceTypes.Count);
    }

    [Fact]
    public void Gzip_compressed_files_load_transparently()
    {
        var compressed = Path.Combine(_folder, "search-parameters.json.gz");
        using (var input = File.OpenRead(Core("search-parameters.json")))
        using (var output = new System.IO.Compression.GZipStream(File.Create(compressed), System.IO.Compression.CompressionLevel.Fastest))
        {
            input.CopyTo(output);
        }

        var definitions = Load(Core("profiles-types.json"), Core("profiles-resources.json"), compressed);

        Assert.Empty(definitions.Issues);
        Assert.Equal(1375, definitions.SearchParameters.All.Count());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static FhirDefinitions Load(params string[] files) => FhirDefinitions.Load(new SpecificationSource(files));

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
