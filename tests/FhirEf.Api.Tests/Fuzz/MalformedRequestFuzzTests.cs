using System.Net;
using System.Text;
using FhirEf.Api.Tests.Infrastructure;
using FhirEf.Testing;
using Xunit.Abstractions;

namespace FhirEf.Api.Tests.Fuzz;

/// <summary>
/// At least 10,000 malformed requests (broken JSON, wrong content types, bodies over the limit,
/// invalid ids, unknown types, bad headers and Prefer values, invalid resources and bundles),
/// generated from a fixed seed: every one is rejected with a 4xx OperationOutcome, none with a 5xx,
/// and the tenant has no stored version afterwards.
/// </summary>
public sealed class MalformedRequestFuzzTests(FhirDatabaseFixture database, ITestOutputHelper output)
    : FhirApiTest(database, new Dictionary<string, string?> { ["Fhir:Api:MaxRequestBodyBytes"] = LimitBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) })
{
    private const int LimitBytes = 256 * 1024;
    private const int Seed = 20_240_601;

    private const string Patient = """{"resourceType":"Patient","id":"fz","active":true,"name":[{"family":"Fuzz","given":["A","B"]}],"birthDate":"1990-01-01","telecom":[{"system":"phone","value":"555"}]}""";

    [Fact]
    public async Task Ten_thousand_malformed_requests_are_rejected_without_a_server_error_and_store_nothing()
    {
        var random = new Random(Seed);
        var cases = Cases(random).ToList();
        var byCategory = new Dictionary<string, int>();
        var failures = new List<string>();

        foreach (var (category, request) in cases)
        {
            using var message = request;
            var description = $"{category}: {message.Method} {message.RequestUri}";
            using var response = await Client.SendAsync(message);
            var status = (int)response.StatusCode;
            byCategory[category] = byCategory.GetValueOrDefault(category) + 1;
            if (status is < 400 or >= 500)
            {
                failures.Add($"{description} -> {status} {await response.Content.ReadAsStringAsync()}");
            }
            else if (message.Method != HttpMethod.Head && !(await response.Content.ReadAsStringAsync()).Contains("\"OperationOutcome\"", StringComparison.Ordinal))
            {
                failures.Add($"{description} -> {status} without an OperationOutcome");
            }
        }

        foreach (var (category, count) in byCategory.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{category}: {count}");
        }

        Assert.True(cases.Count >= 10_000, $"only {cases.Count} requests");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));
        Assert.Equal(0, await StoredRows.VersionsAsync(Database));
    }

    private static IEnumerable<(string Category, HttpRequestMessage Request)> Cases(Random random)
    {
        for (var i = 0; i < 1_500; i++)
        {
            yield return ("broken-json", Body(random.Next(3) switch { 0 => HttpMethod.Post, 1 => HttpMethod.Put, _ => HttpMethod.Patch }, random.Next(2) == 0 ? "/fhir/Patient" : "/fhir/Patient/fz", BrokenJson(random), "application/fhir+json"));
        }

        for (var i = 0; i < 800; i++)
        {
            yield return ("broken-json-bundle", Body(HttpMethod.Post, "/fhir", BrokenJson(random).Replace("Patient", "Bundle", StringComparison.Ordinal), "application/fhir+json"));
        }

        string[] contentTypes =
        [
            "text/plain", "application/xml", "application/fhir+xml", "text/xml", "multipart/form-data; boundary=x", "application/octet-stream",
            "application/json; charset=latin1", "application/fhir+json; charset=utf-16", "application/fhir+json; fhirVersion=3.0", "image/png",
            "application/x-www-form-urlencoded", "garbage", "application/", "application/json-patch+json", ";;;", "application/fhir+turtle",
        ];
        for (var i = 0; i < 1_600; i++)
        {
            var contentType = contentTypes[random.Next(contentTypes.Length)];
            var (method, path) = random.Next(3) switch
            {
                0 => (HttpMethod.Post, "/fhir/Patient"),
                1 => (HttpMethod.Put, "/fhir/Patient/fz"),
                _ => (HttpMethod.Post, "/fhir"),
            };
            yield return ("wrong-content-type", Body(method, path, Patient, contentType));
        }

        for (var i = 0; i < 40; i++)
        {
            var size = LimitBytes + 1 + random.Next(LimitBytes * 3);
            var huge = "{\"resourceType\":\"Patient\",\"id\":\"fz\",\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">" + new string('x', size) + "</div>\"}}";
            yield return ("huge-body", Body(random.Next(2) == 0 ? HttpMethod.Put : HttpMethod.Post, random.Next(2) == 0 ? "/fhir/Patient/fz" : "/fhir", huge, "application/fhir+json"));
        }

        string[] badIds = ["a_b", "x y", "é", "a/b/c/d/e/f", new string('a', 65), "%00", "$everything2", "~", "a+b", "id!", "a:b", "%2F", "\u00a0"];
        for (var i = 0; i < 1_400; i++)
        {
            var id = badIds[random.Next(badIds.Length)] + (random.Next(2) == 0 ? string.Empty : random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var path = "/fhir/Patient/" + Uri.EscapeDataString(id);
            var body = Patient.Replace("\"fz\"", $"\"{id.Replace("\\", string.Empty, StringComparison.Ordinal).Replace("\"", string.Empty, StringComparison.Ordinal)}\"", StringComparison.Ordinal);
            yield return ("invalid-id", random.Next(3) switch
            {
                0 => Body(HttpMethod.Put, path, body, "application/fhir+json"),
                1 => Body(HttpMethod.Patch, path, "[]", "application/json-patch+json"),
                _ => new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)),
            });
        }

        string[] blankPaths =
        [
            "/fhir/%20", "/fhir/Patient/%20", "/fhir/Patient/%20/_history", "/fhir/Patient/%20/_history/%20", "/fhir/%20/1/Observation",
            "/fhir/Patient/1/%20", "/fhir/Patient/%20/$meta", "/fhir/Patient/%09/$everything", "/fhir/%C2%A0/_history", "/fhir/Patient/%20/$validate",
        ];
        for (var i = 0; i < 300; i++)
        {
            var path = blankPaths[random.Next(blankPaths.Length)];
            yield return ("blank-segment", random.Next(3) switch
            {
                0 => new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)),
                1 => Body(HttpMethod.Put, path, Patient, "application/fhir+json"),
                _ => Body(HttpMethod.Post, path, Patient, "application/fhir+json"),
            });
        }

        string[] types = ["Patients", "patient", "Unicorn", "Resource", "DomainResource", "Element", "HumanName", "String", "_history2", "Bundle2", "MetadataResource"];
        for (var i = 0; i < 1_200; i++)
        {
            var type = types[random.Next(types.Length)];
            var body = Patient.Replace("\"Patient\"", $"\"{type}\"", StringComparison.Ordinal);
            yield return ("unknown-type", random.Next(4) switch
            {
                0 => Body(HttpMethod.Post, $"/fhir/{type}", body, "application/fhir+json"),
                1 => Body(HttpMethod.Put, $"/fhir/{type}/fz", body, "application/fhir+json"),
                2 => Body(HttpMethod.Post, "/fhir/Patient", body, "application/fhir+json"),
                _ => new HttpRequestMessage(HttpMethod.Delete, new Uri($"/fhir/{type}/fz", UriKind.Relative)),
            });
        }

        (string Name, string Value)[] badHeaders =
        [
            ("If-Match", "*"), ("If-Match", "W/\"x\""), ("If-Match", "W/\"0\""), ("If-Match", "\"-3\""), ("If-Match", "garbage"),
            ("Accept", "application/fhir+xml"), ("Accept", "text/html;q=1, application/xml"), ("Accept", "application/fhir+json; fhirVersion=1.0"),
            ("Accept", "image/png"), ("Accept", "application/fhir+json;q=0"),
        ];
        for (var i = 0; i < 1_400; i++)
        {
            var (name, value) = badHeaders[random.Next(badHeaders.Length)];
            var request = name == "If-Match" || random.Next(3) == 0
                ? Body(HttpMethod.Put, "/fhir/Patient/fz", Patient, "application/fhir+json")
                : random.Next(2) == 0
                    ? Body(HttpMethod.Post, "/fhir/Patient", Patient, "application/fhir+json")
                    : new HttpRequestMessage(HttpMethod.Get, new Uri("/fhir/Patient/fz", UriKind.Relative));
            request.Headers.TryAddWithoutValidation(name, value);
            yield return ("bad-header", request);
        }

        string[] prefers = ["return=", "return=everything", "handling=", "handling=sloppy", ";;;", "return=minimal,,,,", "return=representation; =", new string('p', 2000)];
        string[] formats = ["xml", "text/xml", "ttl", "html", "application/fhir+xml", "nonsense"];
        for (var i = 0; i < 1_000; i++)
        {
            var prefer = prefers[random.Next(prefers.Length)];
            var request = random.Next(3) switch
            {
                0 => Body(HttpMethod.Post, "/fhir/Patient", BrokenJson(random), "application/fhir+json"),
                1 => new HttpRequestMessage(HttpMethod.Get, new Uri($"/fhir/Patient/does-not-exist-{i}", UriKind.Relative)),
                _ => Body(HttpMethod.Post, $"/fhir/Patient?_format={Uri.EscapeDataString(formats[random.Next(formats.Length)])}", Patient, "application/fhir+json"),
            };
            request.Headers.TryAddWithoutValidation("Prefer", prefer);
            yield return ("bad-prefer", request);
        }

        for (var i = 0; i < 1_100; i++)
        {
            yield return ("invalid-resource", Body(random.Next(2) == 0 ? HttpMethod.Post : HttpMethod.Put, random.Next(2) == 0 ? "/fhir/Patient" : "/fhir/Patient/fz", InvalidResource(random), "application/fhir+json"));
        }

        for (var i = 0; i < 500; i++)
        {
            yield return ("invalid-bundle", Body(HttpMethod.Post, "/fhir", InvalidBundle(random, i), "application/fhir+json"));
        }

        string[] queries = ["_pretty=maybe", "_summary=some", "_count=x", "_since=never", "_format=xml", "_list=List/1", "_cursor=%%%", "_at=tomorrow"];
        for (var i = 0; i < 400; i++)
        {
            var query = queries[random.Next(queries.Length)];
            var path = random.Next(3) switch { 0 => "/fhir/_history", 1 => "/fhir/Patient/_history", _ => "/fhir/Patient/fz/_history" };
            yield return ("bad-query", new HttpRequestMessage(HttpMethod.Get, new Uri($"{path}?{query}", UriKind.Relative)));
        }
    }

    private static HttpRequestMessage Body(HttpMethod method, string path, string body, string contentType)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return request;
    }

    private static string BrokenJson(Random random) => random.Next(7) switch
    {
        0 => Patient[..random.Next(Patient.Length - 1)],
        // Removing or adding one quote always breaks the document: the quotes no longer pair up.
        1 => Patient.Remove(NthQuote(random), 1),
        2 => Patient.Insert(random.Next(Patient.Length), "\""),
        3 => new string('[', 200 + random.Next(1000)),
        4 => string.Concat(Enumerable.Repeat("{\"a\":", 129 + random.Next(100))) + "1" + new string('}', 229),
        5 => Encoding.Latin1.GetString([0xff, 0xfe, 0x00, (byte)random.Next(256)]) + Patient,
        _ => Patient.Replace(":", random.Next(2) == 0 ? "=" : string.Empty, StringComparison.Ordinal),
    };

    private static int NthQuote(Random random)
    {
        var quotes = Enumerable.Range(0, Patient.Length).Where(i => Patient[i] == '"').ToArray();
        return quotes[random.Next(quotes.Length)];
    }

    private static string InvalidResource(Random random) => random.Next(10) switch
    {
        0 => """{"active":true}""",
        1 => """{"resourceType":"Patient","id":"fz","birthDate":"not-a-date"}""",
        2 => """{"resourceType":"Patient","id":"fz","active":"true"}""",
        3 => """{"resourceType":"Patient","id":"fz","name":{"family":"x"}}""",
        4 => """{"resourceType":"Patient","id":"fz","unknownThing":1}""",
        5 => """{"resourceType":"Patient","id":"fz","name":[]}""",
        6 => """{"resourceType":"Patient","id":"fz","gender":null}""",
        7 => """{"resourceType":"Patient","id":"fz","contained":[{"resourceType":"Nope"}]}""",
        8 => $$"""{"resourceType":"Patient","id":"fz","multipleBirthInteger":{{random.NextInt64()}}99999999999}""",
        _ => """{"resourceType":7}""",
    };

    private static string InvalidBundle(Random random, int i) => random.Next(8) switch
    {
        0 => """{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient"}}]}""",
        1 => """{"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"POST","url":"Patient"},"resource":{"resourceType":"Patient"}},{"request":{"method":"POST","url":"Patient"},"resource":{"resourceType":"Patient","birthDate":"x"}}]}""",
        2 => """{"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"POST","url":"Patient"},"resource":{"resourceType":"Patient"}},{"request":{"method":"PUT","url":"Unicorn/1"},"resource":{"resourceType":"Patient","id":"1"}}]}""",
        3 => """{"resourceType":"Bundle","type":"transaction","entry":[{"fullUrl":"urn:uuid:a","request":{"method":"POST","url":"Patient"},"resource":{"resourceType":"Patient"}},{"fullUrl":"urn:uuid:a","request":{"method":"POST","url":"Patient"},"resource":{"resourceType":"Patient"}}]}""",
        4 => """{"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"PUT","url":"Patient/d1"},"resource":{"resourceType":"Patient","id":"d1"}},{"request":{"method":"DELETE","url":"Patient/d1"}}]}""",
        5 => $$$"""{"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"POST","url":"Patient"},"resource":{"resourceType":"Patient"}},{"request":{"method":"PUT","url":"Patient/w{{{i}}}"},"resource":{"resourceType":"Patient","id":"w{{{i}}}"}},{"request":{"method":"PUT","url":"Patient/x{{{i}}}"},"resource":{"resourceType":"Patient","id":"x{{{i}}}"},"request2":1}]}""",
        6 => $$$"""{"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"POST","url":"Patient"},"resource":{"resourceType":"Patient"}},{"request":{"method":"PUT","url":"Patient/v{{{i}}}"},"resource":{"resourceType":"Patient","id":"v{{{i}}}"}},{"request":{"method":"PUT","url":"Patient/v{{{i}}}-b"},"resource":{"resourceType":"Patient","id":"mismatch"}}]}""",
        _ => """{"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"GET","url":"Patient/none-such"}},{"request":{"method":"POST","url":"Patient"},"resource":{"resourceType":"Patient"}}]}""",
    };
}
