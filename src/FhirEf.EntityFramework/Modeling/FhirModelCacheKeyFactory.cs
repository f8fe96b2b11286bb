using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace FhirEf.EntityFramework.Modeling;

/// <summary>One model per schema and provider: contexts over different schemas in one process do not share a model.</summary>
public sealed class FhirModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime)
    {
        ArgumentNullException.ThrowIfNull(context);
        var extension = context.GetService<IDbContextOptions>().FindExtension<FhirModelOptionsExtension>();
        return (context.GetType(), extension?.Schema.Fingerprint, extension?.Provider.Name, designTime);
    }
}
