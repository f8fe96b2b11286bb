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
/// <para>
/// Only the design-time model (migrations, <c>HasPendingModelChanges</c>, the schema diff and DDL script) is
/// validated. The runtime model that queries use is built from the same schema by the same code, so it is the
/// design-time model's twin; EF Core 10 would build the design-time model, validate it and derive the runtime one
/// from it, and validation was a quarter of a cold build (docs/benchmarks.md). <c>MigrationModelTests</c> builds
/// and validates the design-time model and compares the two.
/// </para>
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
        ArgumentNullException.ThrowIfNull(modelCreationDependencies);
        var key = Dependencies.ModelCacheKeyFactory.Create(context, designTime);
        return Models.GetOrAdd(key, _ => new Lazy<IModel>(() => Build(context, modelCreationDependencies, designTime))).Value;
    }

    private IModel Build(DbContext context, ModelCreationDependencies modelCreationDependencies, bool designTime)
    {
        var model = CreateModel(context, modelCreationDependencies.ConventionSetBuilder, modelCreationDependencies.ModelDependencies);
        var validation = designTime ? modelCreationDependencies.ValidationLogger : null;
        return modelCreationDependencies.ModelRuntimeInitializer.Initialize(model, designTime, validation);
    }
}
