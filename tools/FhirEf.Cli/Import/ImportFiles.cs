using System.Security.Cryptography;
using System.Text;
using FhirEf.Core.Bulk;

namespace FhirEf.Cli.Import;

/// <summary>The files an import reads: files as named, folders expanded to their NDJSON and JSON files (gzipped or not), sorted.</summary>
internal static class ImportFiles
{
    private static readonly string[] Extensions = [".ndjson", ".ndjson.gz", ".json", ".json.gz"];

    public static List<ImportInput> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                    .Select(Path.GetFullPath)
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(Path.GetFullPath(path));
            }
            else
            {
                throw new FileNotFoundException($"'{path}' is neither a file nor a folder.", path);
            }
        }

        return [.. files.Distinct(StringComparer.Ordinal).Select(f => new ImportInput(f))];
    }

    /// <summary>The job id of an import of these files: the same command resumes the same job.</summary>
    public static string JobId(IEnumerable<ImportInput> inputs)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', inputs.Select(i => i.Url))));
        return "cli-" + Convert.ToHexStringLower(hash)[..24];
    }
}
