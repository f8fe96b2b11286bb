using System.Diagnostics;
using System.Text.Json;
using static FhirEf.Core.Definitions.Loading.DefinitionFileReader;

namespace FhirEf.Core.Definitions.Loading;

/// <summary>
/// Loads the registries from definition files. Files are parsed in parallel and merged in source order,
/// so a later definition with the same canonical URL replaces an earlier one. A file or resource that
/// cannot be read becomes a <see cref="DefinitionLoadIssue"/>; loading never aborts.
/// </summary>
internal static class DefinitionLoader
{
    private sealed record FileContent(
        List<(string Url, FhirTypeDefinition Type)> Types,
        List<SearchParameterInfo> SearchParameters,
        List<CompartmentDefinitionInfo> Compartments,
        List<DefinitionLoadIssue> Issues);

    public static FhirDefinitions Load(SpecificationSource source)
    {
        var stopwatch = Stopwatch.StartNew();
        var contents = new FileContent[source.Files.Count];
        Parallel.For(0, source.Files.Count, i => contents[i] = ReadFile(source.Files[i]));

        var types = new Dictionary<string, FhirTypeDefinition>(StringComparer.Ordinal);
        // Ordered by load: when two parameters of a type share a code, the later one wins.
        var parameters = new OrderedDictionary<string, SearchParameterInfo>(StringComparer.Ordinal);
        var compartments = new Dictionary<string, CompartmentDefinitionInfo>(StringComparer.Ordinal);
        var issues = new List<DefinitionLoadIssue>();
        foreach (var content in contents)
        {
            foreach (var (url, type) in content.Types)
            {
                types[url] = type;
            }

            foreach (var parameter in content.SearchParameters)
            {
                parameters.Remove(parameter.Url);
                parameters.Add(parameter.Url, parameter);
            }

            foreach (var compartment in content.Compartments)
            {
                compartments[compartment.Url] = compartment;
            }

            issues.AddRange(content.Issues);
        }

        var structures = new StructureDefinitionRegistry(types.Values);
        return new FhirDefinitions(
            structures,
            new SearchParameterRegistry([.. parameters.Values], structures),
            new CompartmentRegistry(compartments.Values),
            issues,
            stopwatch.Elapsed);
    }

    private static FileContent ReadFile(string path)
    {
        var content = new FileContent([], [], [], []);
        var name = Path.GetFileName(path);
        JsonDocument document;
        try
        {
            document = Parse(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidDataException)
        {
            content.Issues.Add(new DefinitionLoadIssue(name, null, e.Message));
            return content;
        }

        using (document)
        {
            foreach (var resource in DefinitionFileReader.Resources(document.RootElement))
            {
                var resourceType = String(resource, "resourceType");
                try
                {
                    switch (resourceType)
                    {
                        case "StructureDefinition":
                            if (StructureDefinitionReader.Read(resource) is { } type)
                            {
                                content.Types.Add((type.Url, type));
                            }

                            break;
                        case "SearchParameter":
                            content.SearchParameters.Add(SearchParameterReader.Read(resource));
                            break;
                        case "CompartmentDefinition":
                            content.Compartments.Add(CompartmentDefinitionReader.Read(resource));
                            break;
                    }
                }
                catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException or OverflowException)
                {
                    content.Issues.Add(new DefinitionLoadIssue(name, $"{resourceType}/{String(resource, "id")}", e.Message));
                }
            }
        }

        return content;
    }
}
