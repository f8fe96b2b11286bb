using FhirEf.Admin.Tests.Infrastructure;
using FhirEf.EntityFramework.Diagnostics;

namespace FhirEf.Admin.Tests.Queries;

/// <summary>The SQL log shows filtering, tenancy, paging and aggregation done by PostgreSQL, with values as parameters.</summary>
public sealed class SqlTranslationTests(SyntheaServer server) : IClassFixture<SyntheaServer>
{
    [Fact]
    public async Task Filter_and_groupby_run_in_one_parameterised_statement()
    {
        var log = new SqlCommandLog();
        await using var factory = server.LoggingSql(log);
        var client = server.AdminOfA(factory);

        var page = await client.JsonAsync("/odata/Observation?$apply=filter(valueQuantityLow gt 100)/groupby((codeSort),aggregate($count as n))");

        Assert.NotEmpty(page.GetProperty("value").EnumerateArray());
        var sql = Assert.Single(log.Commands, c => c.Contains("GROUP BY", StringComparison.Ordinal));
        Assert.Contains("WHERE", sql, StringComparison.Ordinal);
        Assert.Contains("\"valueQuantityLow\" >", sql, StringComparison.Ordinal);
        Assert.Contains("\"projectId\" =", sql, StringComparison.Ordinal);
        Assert.Contains("count(*)", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("100", sql.Split("FROM")[1], StringComparison.Ordinal);
    }
}
