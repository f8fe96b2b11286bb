namespace FhirEf.Admin.Security;

/// <summary>
/// Configuration section <c>Fhir:Admin:Jwt</c>: how admin bearer tokens are validated. Either an
/// <see cref="Authority"/> (OpenID Connect discovery publishes the keys), a shared <see cref="SigningKey"/>
/// (HMAC-SHA256), or <see cref="Development"/>: a key generated once into <see cref="DevelopmentKeyFile"/>,
/// which <c>fhiref admin-token</c> signs with. With none of them every admin request is 401.
/// </summary>
public sealed class AdminJwtOptions
{
    public const string SectionName = "Fhir:Admin:Jwt";

    public string? Authority { get; set; }

    /// <summary>The <c>aud</c> tokens must carry.</summary>
    public string Audience { get; set; } = "fhiref-admin";

    /// <summary>The <c>iss</c> tokens must carry when set (and the one <c>fhiref admin-token</c> writes).</summary>
    public string Issuer { get; set; } = "fhiref";

    /// <summary>A shared HMAC key, base64 (at least 32 bytes).</summary>
    public string? SigningKey { get; set; }

    /// <summary>Use (and create on first use) a local key: for development machines only.</summary>
    public bool Development { get; set; }

    /// <summary>Where the development key lives, relative to the FhirEf root.</summary>
    public string DevelopmentKeyFile { get; set; } = ".data/admin-jwt.key";

    /// <summary>The claim holding roles.</summary>
    public string RoleClaim { get; set; } = AdminClaims.Role;

    /// <summary>The claim (repeated) naming the projects an admin administers.</summary>
    public string ProjectClaim { get; set; } = AdminClaims.Project;
}
