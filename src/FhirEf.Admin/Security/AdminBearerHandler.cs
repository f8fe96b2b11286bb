using System.Security.Claims;
using System.Text.Encodings.Web;
using FhirEf.Admin.Payloads;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirEf.Admin.Security;

/// <summary>
/// The <c>FhirEfAdmin</c> bearer scheme (Microsoft.AspNetCore.Authentication.JwtBearer needs IdentityModel
/// 8.19, which is not installable here, so this is the few lines of it FhirEf needs): a valid token
/// authenticates, a missing or invalid one is answered 401 with an OData error, a non-admin 403.
/// </summary>
internal sealed class AdminBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AdminTokenValidator validator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Prefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        if (!validator.IsConfigured)
        {
            return AuthenticateResult.Fail($"No admin token can be valid: configure {AdminJwtOptions.SectionName}.");
        }

        var result = await validator.ValidateAsync(header[Prefix.Length..].Trim(), Context.RequestAborted);
        return result.IsValid
            ? AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(result.ClaimsIdentity), Scheme.Name))
            : AuthenticateResult.Fail(result.Exception?.Message ?? "The token is not valid.");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return ODataErrors.WriteAsync(Response, StatusCodes.Status401Unauthorized, "A valid admin bearer token is required.", Context.RequestAborted);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ODataErrors.WriteAsync(Response, StatusCodes.Status403Forbidden, "The token does not carry an admin role.", Context.RequestAborted);
}
