namespace FhirEf.Testing;

/// <summary>An empty migrated database of the test class's own, for tests about whole-database behaviour.</summary>
public sealed class PrivateDatabaseFixture : FhirDatabaseFixture
{
    public PrivateDatabaseFixture()
        : base(isPrivate: true)
    {
    }
}
