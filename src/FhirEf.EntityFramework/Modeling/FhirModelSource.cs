using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace FhirEf.EntityFramework.Modeling;

/// <summary>
/// Keeps one model per <see cref="FhirModelCacheKeyFactory"/> key for the whole process. EF Core caches
/// models per internal service provider, and a host gets several (the pooled context, which carries the
/// application's services, and the contexts sessions and tools create on options of their own): each
/// would build the ~450-entity model again, seconds of CPU on a cold start. Sharing one model across
/// providers of the same database is what <c>UseModel</c> does for compiled models.
/// </summary>
public sealed class FhirModelSource : ModelSource
{
    private static readonly ConcurrentDictionary<object, Lazy<IModel>> Models = new();

    public FhirModelSource(ModelSourceDependencies dependencies)
        : base(dependencies)
    {
    }

    public override IModel GetModel(DbContext context, ModelCreationDependencies modelCreationDependencies, bool designTime)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = Dependencies.ModelCacheKeyFactory.Create(context, designTime);
        return Models.GetOrAdd(key, _ => new Lazy<IModel>(() => base.GetModel(context, modelCreationDependencies, designTime))).Value;
    }
}
