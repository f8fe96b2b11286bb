using System.Security.Claims;
using FhirEf.Admin.Security;
using FhirEf.Core.Reporting;

namespace FhirEf.Admin.Endpoints;

/// <summary>The tenants an authenticated admin may read: every project for a super-admin, else the token's project claims.</summary>
internal static class AdminScopes
{
    public static ReportingScope Of(ClaimsPrincipal user, AdminJwtOptions options) =>
        user.IsInRole(AdminClaims.SuperAdminRole)
            ? ReportingScope.Everything
            : new ReportingScope([.. user.FindAll(options.ProjectClaim).Select(c => c.Value).Distinct(StringComparer.Ordinal)]);
}
