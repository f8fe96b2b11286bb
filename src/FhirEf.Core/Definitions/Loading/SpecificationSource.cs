using FhirEf.Core.Configuration;

namespace FhirEf.Core.Definitions.Loading;

/// <summary>
/// The definition files to load, in order: the pinned core files of <c>spec/fhir/r4</c>, then every
/// file of <c>spec/platform</c>. A later definition replaces an earlier one with the same canonical URL.
/// Any file may be gzip-compressed as <c>name.json.gz</c>.
/// </summary>
public sealed record SpecificationSource(IReadOnlyList<string> Files)
{
    /// <summary>The core files the registries need (value sets and code systems go to the database instead).</summary>
    public static readonly IReadOnlyList<string> CoreFileNames =
    [
        "profiles-types.json",
        "profiles-resources.json",
        "search-parameters.json",
        "compartmentdefinition-patient.json",
        "compartmentdefinition-encounter.json",
        "compartmentdefinition-relatedperson.json",
        "compartmentdefinition-practitioner.json",
        "compartmentdefinition-device.json",
    ];

    /// <summary>The <c>spec</c> folder of the FhirEf root, or of the application folder for published builds.</summary>
    public static string? FindSpecDirectory()
    {
        var root = FhirEfRoot.TryFind();
        if (root is not null)
        {
            return Path.Combine(root, "spec");
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "spec");
        return Directory.Exists(Path.Combine(beside, "fhir", "r4")) ? beside : null;
    }

    public static SpecificationSource FromSpecDirectory(string specDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(specDirectory);
        var files = new List<string>();
        var core = Path.Combine(specDirectory, "fhir", "r4");
        foreach (var name in CoreFileNames)
        {
            var plain = Path.Combine(core, name);
            files.Add(File.Exists(plain) || !File.Exists(plain + ".gz") ? plain : plain + ".gz");
        }

        var platform = Path.Combine(specDirectory, "platform");
        if (Directory.Exists(platform))
        {
            files.AddRange(Directory.EnumerateFiles(platform, "*.json*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".json.gz", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal));
        }

        return new SpecificationSource(files);
    }
}
