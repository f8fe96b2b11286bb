using System.Net;
using FhirEf.Admin.Security;
using FhirEf.Admin.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace FhirEf.Admin.Tests.Security;

/// <summary>Admin endpoints need an admin token; admins see their projects only; FHIR routes are unaffected.</summary>
public sealed class AdminSecurityTests(SyntheaServer server) : IClassFixture<SyntheaServer>
{
    [Theory]
    [InlineData("/odata/Patient")]
    [InlineData("/odata/$metadata")]
    [InlineData("/odata/")]
    public async Task Unauthenticated_requests_get_401_with_an_odata_error(string url)
    {
        using var response = await server.Anonymous().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Contains("\"error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401()
    {
        var client = server.WithToken(server.Token([server.ProjectA], key: AdminSigningKey.Generate()));

        await client.JsonAsync("/odata/Patient", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var token = AdminTokens.Create(
            AdminSigningKey.FromBase64(server.Settings["Fhir:Admin:Jwt:SigningKey"]!), new AdminJwtOptions(), [server.ProjectA], lifetime: TimeSpan.FromMinutes(-5));

        await server.WithToken(token).JsonAsync("/odata/Patient", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_401()
    {
        var options = new AdminJwtOptions { Audience = "someone-else" };
        var token = AdminTokens.Create(AdminSigningKey.FromBase64(server.Settings["Fhir:Admin:Jwt:SigningKey"]!), options, [server.ProjectA]);

        await server.WithToken(token).JsonAsync("/odata/Patient", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_valid_token_without_the_admin_role_is_403()
    {
        var client = server.WithToken(server.Token([server.ProjectA], roles: ["reader"]));

        var body = await client.JsonAsync("/odata/Patient", HttpStatusCode.Forbidden);

        Assert.Equal("403", body.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_admin_of_project_A_never_sees_project_B_rows()
    {
        var a = server.AdminOf(server.ProjectA);
        var bPatient = server.LocationsB[0]["Patient/".Length..];

        var patients = await a.AllAsync("/odata/Patient?$select=id,projectId");
        var observations = await a.AllAsync("/odata/Observation?$select=projectId");
        var superAll = await a.JsonAsync("/odata/Patient/$count");

        Assert.Equal(SyntheaData.Count("Patient"), patients.Count);
        Assert.All(patients.Concat(observations), r => Assert.Equal(server.ProjectA, r.GetProperty("projectId").GetString()));
        Assert.DoesNotContain(bPatient, patients.Strings("id"));
        Assert.Equal(SyntheaData.Count("Patient"), superAll.GetInt64());
        await a.JsonAsync($"/odata/Patient('{bPatient}')", HttpStatusCode.NotFound);
        await a.JsonAsync($"/odata/Patient('{bPatient}')/Resource", HttpStatusCode.NotFound);
        var grouped = await a.JsonAsync("/odata/Patient?$apply=groupby((projectId),aggregate($count as n))");
        Assert.Equal(server.ProjectA, Assert.Single(grouped.GetProperty("value").EnumerateArray()).GetProperty("projectId").GetString());
    }

    [Fact]
    public async Task An_admin_of_project_B_sees_only_B()
    {
        var patients = await server.AdminOf(server.ProjectB).AllAsync("/odata/Patient?$select=id,projectId");

        Assert.Equal([server.LocationsB[0]["Patient/".Length..]], patients.Strings("id"));
        Assert.Equal([server.ProjectB], patients.Strings("projectId"));
    }

    [Fact]
    public async Task An_admin_of_both_projects_sees_both()
    {
        var count = await server.AdminOf(server.ProjectA, server.ProjectB).JsonAsync("/odata/Patient/$count");

        Assert.Equal(SyntheaData.Count("Patient") + 1, count.GetInt64());
    }

    [Fact]
    public async Task An_admin_without_projects_sees_nothing()
    {
        var count = await server.AdminOf().JsonAsync("/odata/Observation/$count");

        Assert.Equal(0, count.GetInt64());
    }

    [Fact]
    public async Task A_super_admin_sees_every_project()
    {
        var super = server.SuperAdmin();
        var filter = Uri.EscapeDataString($"projectId in ('{server.ProjectA}', '{server.ProjectB}')");

        var grouped = await super.JsonAsync($"/odata/Patient?$apply=filter({Uri.UnescapeDataString(filter)})/groupby((projectId),aggregate($count as n))&$orderby=projectId");

        var counts = grouped.GetProperty("value").EnumerateArray().ToDictionary(r => r.GetProperty("projectId").GetString()!, r => r.GetProperty("n").GetInt64());
        Assert.Equal(SyntheaData.Count("Patient"), counts[server.ProjectA]);
        Assert.Equal(1, counts[server.ProjectB]);
    }

    [Fact]
    public async Task Fhir_routes_need_no_admin_token()
    {
        using var response = await server.Anonymous().GetAsync(new Uri("/fhir/metadata", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Writes_are_not_allowed()
    {
        using var content = new StringContent("{}");
        using var response = await server.AdminOf(server.ProjectA).PostAsync(new Uri("/odata/Patient", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public void Tokens_are_signed_with_hmac_sha256()
    {
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(server.Token([server.ProjectA]));

        Assert.Equal(SecurityAlgorithms.HmacSha256, token.Alg);
        Assert.Equal([server.ProjectA], token.Claims.Where(c => c.Type == AdminClaims.Project).Select(c => c.Value));
    }
}
