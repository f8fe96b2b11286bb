using FhirEf.Core.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace FhirEf.EntityFramework.Modeling;

public static class FhirDbContextOptionsBuilderExtensions
{
    /// <summary>
    /// Builds the context's model from <paramref name="schema"/> with <paramref name="provider"/>'s column and
    /// index specifics, once per process (<see cref="FhirModelSource"/>).
    /// </summary>
    public static DbContextOptionsBuilder UseFhirSchema(this DbContextOptionsBuilder options, FhirSchema schema, IFhirStorageProvider provider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new FhirModelOptionsExtension(schema, provider));
        return options.ReplaceService<IModelCacheKeyFactory, FhirModelCacheKeyFactory>().ReplaceService<IModelSource, FhirModelSource>();
    }
}
