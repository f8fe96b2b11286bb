using FhirEf.Core.Reporting;
using FhirEf.Core.Schema;
using Microsoft.OData.Edm;

namespace FhirEf.Admin.Edm;

/// <summary>
/// The EDM of the admin OData service, generated from the same <see cref="FhirSchema"/> as the database
/// (never hand-maintained): one entity set per table, named as the table (<c>Patient</c>,
/// <c>Patient_History</c>, <c>Patient_References</c>, <c>HumanName</c>…), whose properties are the
/// table's readable columns under their column names, so the query binder maps properties to columns
/// one to one. Keys are the primary key without the tenant (tenancy is a scope, not an address).
/// Resource types also get a collection navigation per reference parameter and target type
/// (<see cref="ReferenceNavigation"/>, <c>Observation.subject_Patient</c>), answered through <c>"&lt;Type&gt;_References"</c>.
/// </summary>
public static class FhirEdmModelBuilder
{
    public const string Namespace = "FhirEf";
    public const string ContainerName = "Reporting";

    /// <summary>A stream property on resource and history types: <c>/Patient('id')/Resource</c> is the resource JSON.</summary>
    public const string ResourceProperty = "Resource";

    public static IEdmModel Build(FhirSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var model = new EdmModel();
        var container = new EdmEntityContainer(Namespace, ContainerName);
        model.AddElement(container);
        var sets = new Dictionary<string, EdmEntitySet>(StringComparer.Ordinal);
        foreach (var table in schema.Tables)
        {
            var type = new EdmEntityType(Namespace, table.Name);
            foreach (var column in table.Columns.Where(IsExposed))
            {
                var property = type.AddStructuralProperty(column.Name, TypeOf(column));
                if (table.PrimaryKey.Contains(column.Name) && column.Name != FixedColumns.ProjectId)
                {
                    type.AddKeys(property);
                }
            }

            if (table.Kind is TableKind.Resource or TableKind.History)
            {
                type.AddStructuralProperty(ResourceProperty, EdmPrimitiveTypeKind.Stream, isNullable: true);
            }

            model.AddElement(type);
            sets[table.Name] = container.AddEntitySet(table.Name, type);
        }

        foreach (var resource in schema.Resources)
        {
            AddNavigations(schema, resource, sets);
        }

        return model;
    }

    /// <summary>Collection navigations (a reference parameter may hold several references), each bound to its target's entity set.</summary>
    private static void AddNavigations(FhirSchema schema, ResourceTableSchema resource, Dictionary<string, EdmEntitySet> sets)
    {
        var source = sets[resource.Main.Name];
        var type = (EdmEntityType)source.EntityType();
        foreach (var navigation in ReferenceNavigation.Of(schema, resource))
        {
            var target = sets[schema.Resource(navigation.TargetType).Main.Name];
            var property = type.AddUnidirectionalNavigation(new EdmNavigationPropertyInfo
            {
                Name = navigation.Name,
                Target = target.EntityType(),
                TargetMultiplicity = EdmMultiplicity.Many,
            });
            source.AddNavigationTarget(property, target);
        }
    }

    /// <summary>
    /// Internal bookkeeping (<c>__version</c>, <c>__referenceIdentifiers</c>), the JSON itself (served as
    /// <see cref="ResourceProperty"/>) and storage types without an OData equivalent (tsvector, jsonb composites) stay out.
    /// </summary>
    public static bool IsExposed(ColumnSchema column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return !column.Name.StartsWith("__", StringComparison.Ordinal)
            && column.Name != FixedColumns.Content
            && column.Type is not (ColumnType.TsVector or ColumnType.Jsonb);
    }

    private static IEdmTypeReference TypeOf(ColumnSchema column)
    {
        var kind = column.Type switch
        {
            ColumnType.Text or ColumnType.TextArray => EdmPrimitiveTypeKind.String,
            ColumnType.Integer => EdmPrimitiveTypeKind.Int32,
            ColumnType.Boolean => EdmPrimitiveTypeKind.Boolean,
            ColumnType.Timestamp => EdmPrimitiveTypeKind.DateTimeOffset,
            ColumnType.Numeric => EdmPrimitiveTypeKind.Decimal,
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, "no EDM type"),
        };
        // Numerics keep the precision FHIR gave them: a variable scale, not EDM's default of 0.
        var primitive = kind == EdmPrimitiveTypeKind.Decimal
            ? EdmCoreModel.Instance.GetDecimal(precision: null, scale: null, column.Nullable)
            : EdmCoreModel.Instance.GetPrimitive(kind, column.Nullable);
        return column.Type == ColumnType.TextArray
            ? new EdmCollectionTypeReference(new EdmCollectionType(EdmCoreModel.Instance.GetString(isNullable: true)))
            : primitive;
    }
}
