using System.CommandLine;
using System.Text.Json;
using FhirEf.Cli.Commands;
using FhirEf.Core.Definitions;
using FhirEf.Core.Indexing;

namespace FhirEf.Core.Tests.Indexing;

/// <summary><c>fhiref index</c>, run in-process through the command line parser.</summary>
public sealed class IndexCommandTests : IDisposable
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"fhiref-index-{Guid.NewGuid():N}");

    public IndexCommandTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public void Every_value_is_printed_per_parameter_with_its_type_and_fields()
    {
        var file = Write("""
            {'resourceType': 'Observation', 'id': 'o1', 'status': 'final',
             'text': {'status': 'generated', 'div': '<div xmlns=\"http://www.w3.org/1999/xhtml\">Glucose <b>6.3</b></div>'},
             'code': {'coding': [{'system': 'http://loinc.org', 'code': '15074-8', 'display': 'Glucose'}]},
             'subject': {'reference': 'https://fhir.example.org/r4/Patient/p1'},
             'effectivePeriod': {'start': '2013-04-02T09:30:10+01:00'},
             'valueQuantity': {'value': 6.30, 'unit': 'mmol/l', 'system': 'http://unitsofmeasure.org', 'code': 'mmol/L'}}
            """);

        var (exitCode, output, error) = Run("index", file, "--base", "https://fhir.example.org/r4");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var values = root.GetProperty("values");
        Assert.Equal(("Observation", "o1", IndexerVersion.Compute(FhirDefinitions.R4.SearchParameters.All)), (root.GetProperty("resourceType").GetString(), root.GetProperty("id").GetString(), root.GetProperty("indexerVersion").GetInt32()));
        Assert.Equal("""[{"type":"token","system":"http://loinc.org","code":"15074-8","text":"Glucose"}]""", Compact(values.GetProperty("code")));
        Assert.Equal("""[{"type":"reference","targetType":"Patient","targetId":"p1"}]""", Compact(values.GetProperty("patient")));
        Assert.Equal("""[{"type":"date","start":"2013-04-02T08:30:10.0000000+00:00","end":"infinity"}]""", Compact(values.GetProperty("date")));
        Assert.Equal("""[{"type":"quantity","value":6.30,"low":6.295,"high":6.305,"system":"http://unitsofmeasure.org","code":"mmol/L","unit":"mmol/l"}]""", Compact(values.GetProperty("value-quantity")));
        Assert.Equal("composite", values.GetProperty("code-value-quantity")[0].GetProperty("type").GetString());
        Assert.Equal(["Patient/p1"], root.GetProperty("compartments").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(("Glucose 6.3", 11), (root.GetProperty("narrativeText").GetString(), root.GetProperty("narrativeTextLength").GetInt32()));
        Assert.Equal(0, root.GetProperty("diagnostics").GetArrayLength());
    }

    [Fact]
    public void Lookups_and_skipped_values_are_printed()
    {
        var file = Write("{'resourceType': 'Patient', 'id': 'p1', 'birthDate': 'soon', 'name': [{'family': 'Ng', 'given': ['Eve']}]}");

        var (exitCode, output, _) = Run("index", file);

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var lookup = json.RootElement.GetProperty("lookups")[0];
        Assert.Equal("""{"table":"HumanName","code":"name","fields":{"use":null,"text":null,"family":"Ng","given":["Eve"],"prefix":null,"suffix":null}}""", Compact(lookup));
        Assert.Equal(["Warning Patient/p1 birthdate: Patient.birthDate (date 'soon') gives no Date value; skipped"], json.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetString()));
    }

    [Theory]
    [InlineData("{'resourceType': ", "is not valid JSON")]
    [InlineData("{'resourceType': 'Unicorn'}", "is not a FHIR resource: 'Unicorn' is not a FHIR resource type.")]
    [InlineData("[]", "is not a FHIR resource")]
    public void Invalid_input_exits_with_1_and_one_line(string content, string message)
    {
        var (exitCode, output, error) = Run("index", Write(content));

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("fhiref index: ", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void A_missing_file_exits_with_1()
    {
        var (exitCode, _, error) = Run("index", Path.Combine(_folder, "missing.json"));

        Assert.Equal(1, exitCode);
        Assert.Contains("cannot read", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string json)
    {
        var file = Path.Combine(_folder, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(file, json.Replace('\'', '"'));
        return file;
    }

    private static string Compact(JsonElement json) => JsonSerializer.Serialize(json, Relaxed);

    private static (int ExitCode, string Output, string Error) Run(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = FhirEfCommandLine.Build().Parse(arguments).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
