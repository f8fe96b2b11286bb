using System.Xml.Linq;

namespace FhirEf.Core.Tests.FhirPath;

/// <summary>One &lt;test&gt; of the official FHIRPath suite.</summary>
internal sealed record OfficialSuiteCase(
    string Key,
    string Expression,
    string? Invalid,
    bool Predicate,
    bool Strict,
    bool Ordered,
    string? InputFile,
    IReadOnlyList<(string? Type, string Text)> Outputs)
{
    public static IReadOnlyDictionary<string, OfficialSuiteCase> Load(string path)
    {
        var cases = new Dictionary<string, OfficialSuiteCase>(StringComparer.Ordinal);
        foreach (var group in XDocument.Load(path).Root!.Elements("group"))
        {
            foreach (var test in group.Elements("test"))
            {
                var expression = test.Element("expression")!;
                var key = $"{group.Attribute("name")!.Value}/{test.Attribute("name")!.Value}";
                for (var n = 2; cases.ContainsKey(key); n++)
                {
                    key = $"{group.Attribute("name")!.Value}/{test.Attribute("name")!.Value}#{n}";
                }

                cases[key] = new OfficialSuiteCase(
                    key,
                    expression.Value,
                    expression.Attribute("invalid")?.Value,
                    test.Attribute("predicate")?.Value == "true",
                    (test.Attribute("mode") ?? expression.Attribute("mode"))?.Value == "strict",
                    test.Attribute("ordered")?.Value != "false",
                    test.Attribute("inputfile")?.Value.Replace(".xml", ".json", StringComparison.Ordinal),
                    [.. test.Elements("output").Select(o => (o.Attribute("type")?.Value, o.Value))]);
            }
        }

        return cases;
    }
}
