using FhirEf.Core.Errors;
using FhirEf.Testing;

namespace FhirEf.EntityFramework.Tests.Search;

/// <summary><c>:in</c>, <c>:not-in</c>, <c>:below</c>, <c>:above</c> against the terminology resources of <see cref="TerminologyData"/>.</summary>
public sealed class TerminologySearchTests(SearchFixture data) : IClassFixture<SearchFixture>
{
    [Theory]
    [InlineData("code:in=http://example.org/vs/pets", "c-cat,c-dog,c-parrot")]
    [InlineData("code:in=http://example.org/vs/animals", "c-cat,c-dog,c-lizard,c-mammal,c-parrot")]
    [InlineData("code:in=http://example.org/vs/animals-1", "c-dog")]
    [InlineData("code:in=http://example.org/vs/mammals", "c-cat,c-dog")]
    [InlineData("code:in=http://example.org/vs/nested", "c-cat,c-dog,c-other,c-parrot")]
    [InlineData("code:in=http://example.org/vs/pet-mammals", "c-cat,c-dog")]
    [InlineData("code:in=http://example.org/vs/animal-pets", "c-parrot")]
    [InlineData("code:in=http://example.org/vs/versioned|1", "c-fish")]
    [InlineData("code:in=http://example.org/vs/versioned|2", "c-lizard")]
    [InlineData("code:in=http://example.org/vs/versioned", "c-lizard")]
    [InlineData("code:in=http://example.org/vs/nomatch", "")]
    [InlineData("code:in=http://example.org/vs/mammals,http://example.org/vs/versioned|1", "c-cat,c-dog,c-fish")]
    [InlineData("code:in=http://example.org/vs/pets&code:in=http://example.org/vs/mammals", "c-cat,c-dog")]
    [InlineData("code:not-in=http://example.org/vs/pets", "c-fish,c-lizard,c-mammal,c-none,c-other")]
    [InlineData("code:not-in=http://example.org/vs/nomatch", "c-cat,c-dog,c-fish,c-lizard,c-mammal,c-none,c-other,c-parrot")]
    [InlineData("code:in=http://example.org/vs/pets&subject=Patient/a", "c-dog")]
    public async Task Value_set_membership(string query, string expected) => Assert.Equal(expected, await data.IdsAsync("Condition", query));

    [Theory]
    [InlineData("code:below=http://example.org/cs/animals|animal", "c-cat,c-dog,c-fish,c-lizard,c-mammal,c-parrot")]
    [InlineData("code:below=http://example.org/cs/animals|mammal", "c-cat,c-dog,c-mammal")]
    [InlineData("code:below=http://example.org/cs/animals|reptile", "c-lizard")]
    [InlineData("code:below=http://example.org/cs/animals|dog", "c-dog")]
    [InlineData("code:below=http://example.org/cs/animals|bird", "c-parrot")]
    [InlineData("code:above=http://example.org/cs/animals|dog", "c-dog,c-mammal")]
    [InlineData("code:above=http://example.org/cs/animals|lizard", "c-lizard")]
    [InlineData("code:above=http://example.org/cs/animals|animal", "")]
    [InlineData("code:below=http://example.org/cs/animals|mammal,http://example.org/cs/animals|fish", "c-cat,c-dog,c-fish,c-mammal")]
    public async Task Code_hierarchy(string query, string expected) => Assert.Equal(expected, await data.IdsAsync("Condition", query));

    [Theory]
    [InlineData("_has:Condition:subject:code:in=http://example.org/vs/pets", "a,b,c")]
    [InlineData("_has:Condition:subject:code:below=http://example.org/cs/animals|reptile", "c")]
    [InlineData("_has:Condition:subject:code:not-in=http://example.org/vs/animals", "d")]
    public async Task Terminology_in_reverse_chains(string query, string expected) => Assert.Equal(expected, await data.IdsAsync("Patient", query));

    [Theory]
    [InlineData("code:in=http://example.org/vs/absent", "http://example.org/vs/absent")]
    [InlineData("code:in=http://example.org/vs/pets|9", "http://example.org/vs/pets|9")]
    [InlineData("code:in=http://example.org/vs/cycle-a", "includes itself")]
    [InlineData("code:in=http://example.org/vs/filter", "filters")]
    [InlineData("code:in=http://example.org/vs/unknown-cs", "http://nowhere.org/cs")]
    [InlineData("code:below=http://nowhere.org/cs|x", "http://nowhere.org/cs")]
    [InlineData("code:below=http://example.org/cs/animals|unicorn", "unicorn")]
    [InlineData("code:above=dog", "system|code")]
    public async Task Unusable_terminology_is_a_400_naming_it(string query, string named)
    {
        var error = await Assert.ThrowsAsync<InvalidSearchException>(() => data.SearchAsync("Condition", query));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_set_of_another_tenant_is_not_found()
    {
        var other = new FhirDatabaseFixture();
        await other.InitializeAsync();
        try
        {
            await using var host = new StorageHost(other);
            var valueSet = TestData.Parse("""{"resourceType":"ValueSet","id":"vs-elsewhere","status":"active","url":"http://example.org/vs/elsewhere","compose":{"include":[{"system":"http://example.org/cs/animals","concept":[{"code":"dog"}]}]}}""");
            await host.WithRepositoryAsync(r => r.UpdateAsync("ValueSet", "vs-elsewhere", valueSet, Core.Abstractions.WriteOptions.None, default));
            Assert.Equal("vs-elsewhere", (await host.WithRepositoryAsync(r => r.ReadAsync("ValueSet", "vs-elsewhere", default)))?.Id);
        }
        finally
        {
            await other.DisposeAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidSearchException>(() => data.SearchAsync("Condition", "code:in=http://example.org/vs/elsewhere"));
        Assert.Contains("http://example.org/vs/elsewhere", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expansion_over_the_cap_is_a_400()
    {
        await using var capped = new StorageHost(data.Database, new Dictionary<string, string?> { ["Fhir:Search:MaxExpansionCodes"] = "3" });
        var error = await Assert.ThrowsAsync<InvalidSearchException>(() => data.SearchAsync(capped, "Condition", "code:in=http://example.org/vs/animals"));
        Assert.Contains("MaxExpansionCodes", error.Message, StringComparison.Ordinal);
        Assert.Equal("c-cat,c-dog,c-parrot", string.Join(",", (await data.SearchAsync(capped, "Condition", "code:in=http://example.org/vs/pets")).Entries.Select(e => e.Resource.Id)));
    }
}
