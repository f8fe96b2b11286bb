using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace FhirEf.EntityFramework.Modeling;

/// <summary>
/// Trims EF Core's default conventions to the ones a FhirEf model can use. Every FhirEf entity is a
/// <c>Dictionary&lt;string, object&gt;</c> property bag whose columns, key, indexes and value generation
/// <see cref="FhirModelBuilder"/> configures explicitly, and the model has no navigations or foreign keys.
/// The conventions removed here discover CLR members, attributes, keys and relationships: on this model
/// they find nothing, yet they run for each of the ~450 entity types and ~8,000 properties (key discovery
/// rescans an entity's properties on each property added), a large part of a cold model build.
/// The model they leave is the same: the migrations' pending-changes test and the model test compare it.
/// </summary>
public static class FhirModelConventions
{
    private static readonly Type[] Removed =
    [
        // CLR and attribute discovery on the entity type (a Dictionary has no mapped members or attributes).
        typeof(NotMappedTypeAttributeConvention),
        typeof(OwnedAttributeConvention),
        typeof(ComplexTypeAttributeConvention),
        typeof(KeylessAttributeConvention),
        typeof(EntityTypeConfigurationAttributeConvention),
        typeof(NotMappedMemberAttributeConvention),
        typeof(BaseTypeDiscoveryConvention),
        typeof(PropertyDiscoveryConvention),
        typeof(ServicePropertyDiscoveryConvention),
        typeof(ComplexPropertyDiscoveryConvention),
        typeof(KeyAttributeConvention),
        typeof(IndexAttributeConvention),
        typeof(RelationalTableAttributeConvention),
        typeof(RelationalTableCommentAttributeConvention),

        // Attributes on properties (indexer properties have none).
        typeof(BackingFieldAttributeConvention),
        typeof(BackingFieldConvention),
        typeof(ConcurrencyCheckAttributeConvention),
        typeof(DatabaseGeneratedAttributeConvention),
        typeof(RequiredPropertyAttributeConvention),
        typeof(MaxLengthAttributeConvention),
        typeof(StringLengthAttributeConvention),
        typeof(TimestampAttributeConvention),
        typeof(UnicodeAttributeConvention),
        typeof(PrecisionAttributeConvention),
        typeof(NonNullableReferencePropertyConvention),
        typeof(RelationalColumnAttributeConvention),
        typeof(RelationalColumnCommentAttributeConvention),
        typeof(RelationalPropertyJsonPropertyNameAttributeConvention),

        // Keys are configured explicitly; there are no relationships.
        typeof(RelationalKeyDiscoveryConvention),
        typeof(RelationshipDiscoveryConvention),
        typeof(ForeignKeyAttributeConvention),
        typeof(InversePropertyAttributeConvention),
        typeof(DeleteBehaviorAttributeConvention),
        typeof(ForeignKeyIndexConvention),
        typeof(ForeignKeyPropertyDiscoveryConvention),
        typeof(CascadeDeleteConvention),
        typeof(ManyToManyJoinEntityTypeConvention),
        typeof(NavigationBackingFieldAttributeConvention),
        typeof(RequiredNavigationAttributeConvention),
        typeof(NonNullableNavigationConvention),
        typeof(NavigationEagerLoadingConvention),
        typeof(RelationalNavigationJsonPropertyNameAttributeConvention),

        // Finalizing checks with nothing to check: no column has both a default and a computed value (values are
        // never generated), and no two entity types share a table (whose column and index names would need
        // uniquifying). They walk every property's mapped tables, a tenth of a cold build.
        typeof(StoreGenerationConvention),
        typeof(SharedTableConvention),
    ];

    /// <summary>
    /// Removes the conventions that have nothing to do on a FhirEf model, and the storage provider's own such
    /// conventions (call from <c>ConfigureConventions</c>).
    /// </summary>
    public static void RemoveUnused(ConventionSetBuilder conventions, IFhirStorageProvider provider)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        ArgumentNullException.ThrowIfNull(provider);
        foreach (var convention in Removed.Concat(provider.UnusedConventions))
        {
            conventions.Remove(convention);
        }
    }
}
