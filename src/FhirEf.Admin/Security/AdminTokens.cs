using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FhirEf.Admin.Security;

/// <summary>Signs admin tokens with a local key (<c>fhiref admin-token</c>, tests).</summary>
public static class AdminTokens
{
    /// <param name="key">The signing key.</param>
    /// <param name="options">Issuer, audience and claim names.</param>
    /// <param name="projects">The projects the token grants (admin role).</param>
    /// <param name="super">Whether the token is a super-admin's (every project).</param>
    /// <param name="roles">Roles instead of the admin role (to make a non-admin token).</param>
    /// <param name="lifetime">How long the token is valid (default 8 hours).</param>
    public static string Create(
        SecurityKey key, AdminJwtOptions options, IEnumerable<string> projects, bool super = false, IEnumerable<string>? roles = null, TimeSpan? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(projects);
        var claims = new List<Claim> { new("sub", super ? "fhiref-super-admin" : "fhiref-admin") };
        claims.AddRange((roles ?? [super ? AdminClaims.SuperAdminRole : AdminClaims.AdminRole]).Select(r => new Claim(options.RoleClaim, r)));
        claims.AddRange(projects.Select(p => new Claim(options.ProjectClaim, p)));
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(8)),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
