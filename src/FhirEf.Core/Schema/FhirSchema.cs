using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using FhirEf.Core.Definitions;

namespace FhirEf.Core.Schema;

/// <summary>The whole FhirEf database schema derived from the definitions.</summary>
public sealed class FhirSchema
{
    private static readonly Lazy<FhirSchema> Default = new(() => TableSchemaBuilder.Build(FhirDefinitions.R4));

    private readonly Dictionary<string, ResourceTableSchema> _resources;

    public FhirSchema(IReadOnlyList<ResourceTableSchema> resources, IReadOnlyList<TableSchema> lookups)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(lookups);
        _resources = resources.ToDictionary(r => r.ResourceType, StringComparer.Ordinal);
        Resources = resources;
        ResourceTypes = [.. resources.Select(r => r.ResourceType)];
        Lookups = lookups;
        Tables = [.. resources.SelectMany(r => new[] { r.Main, r.History, r.References }), .. lookups];
        Fingerprint = ComputeFingerprint(Tables);
    }

    /// <summary>The schema of <see cref="FhirDefinitions.R4"/> (spec/fhir/r4 plus spec/platform), built once.</summary>
    public static FhirSchema R4 => Default.Value;

    public IReadOnlyList<ResourceTableSchema> Resources { get; }

    /// <summary>The resource type of each of <see cref="Resources"/>, in the same order.</summary>
    public IReadOnlyList<string> ResourceTypes { get; }

    public IReadOnlyList<TableSchema> Lookups { get; }

    public IReadOnlyList<TableSchema> Tables { get; }

    /// <summary>A hash of every table, column and index: equal fingerprints mean equal schemas.</summary>
    public string Fingerprint { get; }

    public bool TryGetResource(string resourceType, [NotNullWhen(true)] out ResourceTableSchema? resource) =>
        _resources.TryGetValue(resourceType, out resource);

    public ResourceTableSchema Resource(string resourceType) =>
        _resources.TryGetValue(resourceType, out var resource)
            ? resource
            : throw new KeyNotFoundException($"No table for resource type '{resourceType}'.");

    private static string ComputeFingerprint(IEnumerable<TableSchema> tables)
    {
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            text.Append(table.Name).Append('(');
            foreach (var column in table.Columns)
            {
                text.Append(column).Append(';');
            }

            text.Append(string.Join(",", table.PrimaryKey)).Append(')');
            foreach (var index in table.Indexes)
            {
                text.Append(index.Name).Append(string.Join(",", index.Columns)).Append(index.Method).Append(index.Operators)
                    .Append(index.Unique).Append(index.Filter).Append(string.Join(",", index.Include ?? []));
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
