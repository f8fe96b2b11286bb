using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace FhirEf.Admin.Security;

/// <summary>
/// Validates admin bearer tokens: signature (the authority's published keys, or the shared/development
/// HMAC key), lifetime, audience and issuer. Role and project claims are read under the configured names.
/// </summary>
public sealed class AdminTokenValidator
{
    private readonly JsonWebTokenHandler _handler = new();
    private readonly TokenValidationParameters _parameters;

    public AdminTokenValidator(AdminJwtOptions options, string rootDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        _parameters = new TokenValidationParameters
        {
            ValidAudience = options.Audience,
            ValidIssuer = options.Issuer,
            IssuerSigningKey = AdminSigningKey.Resolve(options, rootDirectory),
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            RoleClaimType = options.RoleClaim,
            NameClaimType = "sub",
            ClockSkew = TimeSpan.FromMinutes(1),
        };
        if (!string.IsNullOrWhiteSpace(options.Authority))
        {
            // The authority's discovery document names its issuer and signing keys (refreshed as it rotates them).
            var authority = options.Authority.TrimEnd('/');
            _parameters.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                authority + "/.well-known/openid-configuration",
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever { RequireHttps = authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase) });
            _parameters.ValidateIssuer = false;
        }
    }

    /// <summary>Whether any token can validate (an authority or a key is configured).</summary>
    public bool IsConfigured => _parameters.IssuerSigningKey is not null || _parameters.ConfigurationManager is not null;

    public Task<TokenValidationResult> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        return _handler.ValidateTokenAsync(token, _parameters);
    }
}
