using System.Globalization;
using System.Text.Json;
using FhirEf.Core.Schema;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace FhirEf.Admin.Payloads;

/// <summary>
/// OData v4 JSON payloads written by Microsoft.OData.Core's <see cref="ODataMessageWriter"/>, which owns
/// the format rules: <c>odata.metadata=minimal|full|none</c>, <c>@odata.context</c>, ids, ETags,
/// <c>@odata.count</c> and <c>@odata.nextLink</c>. <c>$apply</c> results are not entities of the model, so
/// they are written by hand in the same shape.
/// </summary>
internal static class ODataPayloads
{
    public const string DefaultFormat = "application/json;odata.metadata=minimal";

    public static BufferedResponseMessage ServiceDocument(IEdmModel model, Uri serviceRoot, string format)
    {
        var message = new BufferedResponseMessage();
        using var writer = new ODataMessageWriter(message, Settings(serviceRoot, new ODataUri { ServiceRoot = serviceRoot }, format), model);
        writer.WriteServiceDocument(model.GenerateServiceDocument());
        return message;
    }

    /// <summary>An entity set page, or one entity when the path ends with a key.</summary>
    public static BufferedResponseMessage Entities(
        IEdmModel model, Uri serviceRoot, ODataUri uri, string format, IEdmEntitySet set, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, long? count, Uri? nextLink)
    {
        var message = new BufferedResponseMessage();
        using var writer = new ODataMessageWriter(message, Settings(serviceRoot, uri, format), model);
        var type = set.EntityType();
        if (uri.Path.LastSegment is KeySegment)
        {
            var resourceWriter = writer.CreateODataResourceWriter(set, type);
            WriteEntity(resourceWriter, type, rows[0], uri.SelectAndExpand);
            return message;
        }

        var setWriter = writer.CreateODataResourceSetWriter(set, type);
        setWriter.WriteStart(new ODataResourceSet { Count = count, NextPageLink = nextLink });
        foreach (var row in rows)
        {
            WriteEntity(setWriter, type, row, uri.SelectAndExpand);
        }

        setWriter.WriteEnd();
        return message;
    }

    /// <summary>
    /// An entity, then each expanded navigation as a nested resource set (OData JSON §8.3: an expanded
    /// collection navigation is an array under the navigation's name).
    /// </summary>
    private static void WriteEntity(ODataWriter writer, IEdmEntityType type, IReadOnlyDictionary<string, object?> row, SelectExpandClause? clause)
    {
        writer.WriteStart(Resource(type, row, Selected(clause)));
        foreach (var item in clause?.SelectedItems.OfType<ExpandedNavigationSelectItem>() ?? [])
        {
            var navigation = ((NavigationPropertySegment)item.PathToNavigationProperty.LastSegment).NavigationProperty;
            var target = navigation.ToEntityType();
            writer.WriteStart(new ODataNestedResourceInfo { Name = navigation.Name, IsCollection = true });
            writer.WriteStart(new ODataResourceSet());
            foreach (var targetRow in (IEnumerable<IReadOnlyDictionary<string, object?>>)row[navigation.Name]!)
            {
                WriteEntity(writer, target, targetRow, item.SelectAndExpand);
            }

            writer.WriteEnd();
            writer.WriteEnd();
        }

        writer.WriteEnd();
    }

    /// <summary>
    /// <c>$apply</c> results (OData Data Aggregation §3.18): <c>{"@odata.context":"…#Patient(genderSort,total)","value":[{…}]}</c>,
    /// with <c>"@odata.id":null</c> on each row in full metadata (aggregated instances have no identity).
    /// </summary>
    public static byte[] Aggregates(Uri serviceRoot, string setName, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, ODataMetadataLevel level)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (level != ODataMetadataLevel.None)
            {
                var columns = rows.Count > 0 ? string.Join(",", rows[0].Keys) : string.Empty;
                json.WriteString("@odata.context", $"{serviceRoot}$metadata#{setName}({columns})");
            }

            json.WriteStartArray("value");
            foreach (var row in rows)
            {
                json.WriteStartObject();
                if (level == ODataMetadataLevel.Full)
                {
                    json.WriteNull("@odata.id");
                }

                foreach (var (name, value) in row)
                {
                    json.WritePropertyName(name);
                    JsonSerializer.Serialize(json, value);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static ODataMessageWriterSettings Settings(Uri serviceRoot, ODataUri uri, string format)
    {
        var settings = new ODataMessageWriterSettings
        {
            BaseUri = serviceRoot,
            Version = ODataVersion.V4,
            EnableMessageStreamDisposal = false,
            ODataUri = new ODataUri { ServiceRoot = serviceRoot, Path = uri.Path, SelectAndExpand = uri.SelectAndExpand, Apply = uri.Apply },
        };
        settings.SetContentType(format, "utf-8");
        return settings;
    }

    private static HashSet<string>? Selected(SelectExpandClause? select)
    {
        if (select is null || select.AllSelected)
        {
            return null;
        }

        var names = select.SelectedItems.OfType<PathSelectItem>().Select(i => i.SelectedPath.LastSegment).OfType<PropertySegment>().Select(s => s.Property.Name).ToHashSet(StringComparer.Ordinal);
        return names.Count > 0 ? names : null;
    }

    private static ODataResource Resource(IEdmEntityType type, IReadOnlyDictionary<string, object?> row, HashSet<string>? selected)
    {
        var properties = new List<ODataProperty>();
        foreach (var (name, value) in row)
        {
            var declared = type.FindProperty(name);
            if ((selected is not null && !selected.Contains(name)) || declared is IEdmNavigationProperty)
            {
                continue;
            }

            properties.Add(new ODataProperty { Name = name, Value = declared?.Type.IsCollection() == true ? Collection(value) : value });
        }

        return new ODataResource
        {
            TypeName = type.FullTypeName(),
            Properties = properties,
            // Weak: the version says the resource changed, not that two representations are byte-equal.
            ETag = row.TryGetValue(FixedColumns.VersionId, out var version) && version is not null
                ? string.Create(CultureInfo.InvariantCulture, $"W/\"{version}\"")
                : null,
        };
    }

    /// <summary>OData collections are never null: an absent array is an empty collection.</summary>
    private static ODataCollectionValue Collection(object? value) => new()
    {
        TypeName = "Collection(Edm.String)",
        Items = value as string[] ?? [],
    };
}
