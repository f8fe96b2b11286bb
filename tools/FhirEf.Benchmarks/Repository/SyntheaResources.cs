using System.Text.Json;
using FhirEf.Core.Configuration;

namespace FhirEf.Benchmarks.Repository;

/// <summary>Resources of the Synthea transaction bundles (../shared, else the repo's tests/data/synthea), in file order, round and round.</summary>
internal static class SyntheaResources
{
    public static IReadOnlyList<JsonElement> Take(int count)
    {
        var root = FhirEfRoot.Find();
        var shared = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "synthea-r4-2019-transaction-bundles"));
        var folder = Directory.Exists(shared) ? shared : Path.Combine(root, "tests", "data", "synthea");
        var files = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList();
        var resources = new List<JsonElement>(count);
        while (resources.Count < count)
        {
            foreach (var file in files)
            {
                using var bundle = JsonDocument.Parse(File.ReadAllBytes(file));
                foreach (var entry in bundle.RootElement.GetProperty("entry").EnumerateArray())
                {
                    if (resources.Count == count)
                    {
                        return resources;
                    }

                    resources.Add(entry.GetProperty("resource").Clone());
                }
            }
        }

        return resources;
    }
}
