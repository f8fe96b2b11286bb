using FhirEf.Core.Schema;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FhirEf.EntityFramework.Modeling;

/// <summary>Carries the schema and storage provider a <see cref="Storage.FhirDbContext"/> builds its model from.</summary>
public sealed class FhirModelOptionsExtension : IDbContextOptionsExtension
{
    public FhirModelOptionsExtension(FhirSchema schema, IFhirStorageProvider provider)
    {
        Schema = schema;
        Provider = provider;
        Info = new ExtensionInfo(this);
    }

    public FhirSchema Schema { get; }

    public IFhirStorageProvider Provider { get; }

    public DbContextOptionsExtensionInfo Info { get; }

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(FhirModelOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        private new FhirModelOptionsExtension Extension => (FhirModelOptionsExtension)base.Extension;

        public override bool IsDatabaseProvider => false;

        public override string LogFragment => $"FhirSchema={Extension.Schema.Fingerprint} ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["FhirEf:Schema"] = Extension.Schema.Fingerprint;
    }
}
