using System.IO.Compression;
using System.Text.Json;

namespace FhirEf.Cli.Schema;

/// <summary>
/// Medplum's physical R4 schema, as <c>medplum-r4-schema.json</c> describes it (tests/data/medplum/README.md):
/// every table, column and index Medplum's own generator produces.
/// </summary>
internal sealed record MedplumSchema(string MedplumVersion, IReadOnlyList<MedplumTable> Tables)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public IEnumerable<MedplumTable> MainTables => Tables.Where(t => t.Kind == MedplumTable.MainKind);

    /// <summary>Reads the file, plain or gzip-compressed (told apart by its first bytes, not its name).</summary>
    public static MedplumSchema Load(string path)
    {
        using var file = File.OpenRead(path);
        var gzip = file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
        file.Position = 0;
        using var content = gzip ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        return Read(content);
    }

    /// <summary>Reads the JSON from <paramref name="json"/>.</summary>
    public static MedplumSchema Read(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<MedplumSchema>(json, Options)
            ?? throw new InvalidDataException("The Medplum schema file holds no schema.");
    }
}
