using FhirEf.Core.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FhirEf.EntityFramework.Modeling;

/// <summary>
/// What the model needs from the database provider: the CLR type of each storage type, and the
/// provider's own column, index and model configuration (index methods, operator classes, extensions).
/// </summary>
public interface IFhirStorageProvider
{
    /// <summary>Identifies the provider in the model cache key.</summary>
    string Name { get; }

    /// <summary>
    /// The provider's EF Core conventions that have nothing to do on a FhirEf model (see <see cref="FhirModelConventions"/>):
    /// removing them shortens a cold model build and leaves the model the same.
    /// </summary>
    IReadOnlyList<Type> UnusedConventions { get; }

    Type ClrType(ColumnSchema column);

    void ConfigureModel(ModelBuilder modelBuilder);

    void ConfigureColumn(PropertyBuilder property, ColumnSchema column);

    void ConfigureIndex(IndexBuilder index, IndexSchema schema);

    /// <summary>The value written to a full-text column made of these (already folded) terms, in the form the provider's write statements take.</summary>
    object? FullTextValue(IReadOnlyList<string> terms);
}
