using System.CommandLine;
using FhirEf.Admin.Security;
using FhirEf.Core.Configuration;
using FhirEf.EntityFramework.Npgsql.Hosting;
using Microsoft.Extensions.Configuration;

namespace FhirEf.Cli.Commands;

/// <summary>
/// <c>fhiref admin-token [--project P]… [--super] [--hours H]</c>: prints a signed admin bearer token for
/// the OData endpoints, signed with <c>Fhir:Admin:Jwt:SigningKey</c> or, with
/// <c>Fhir:Admin:Jwt:Development=true</c>, the local development key (created on first use). For local
/// use: production tokens come from the configured authority.
/// </summary>
internal static class AdminTokenCommand
{
    public static Command Build(Func<IConfiguration>? configuration = null, string? rootDirectory = null)
    {
        var projects = new Option<string[]>("--project") { Description = "A project the token administers; repeat for several.", Arity = ArgumentArity.ZeroOrMore };
        var super = new Option<bool>("--super") { Description = "A super-admin token: every project." };
        var hours = new Option<int>("--hours") { Description = "Hours the token is valid.", DefaultValueFactory = _ => 8 };
        var command = new Command("admin-token", "Print a signed admin bearer token for the /odata endpoints (local key).") { projects, super, hours };
        command.SetAction(parseResult =>
        {
            var root = rootDirectory ?? FhirEfRoot.Find();
            return Run(
                (configuration ?? (() => FhirEfConfiguration.Build(root)))(),
                root,
                parseResult.GetValue(projects) ?? [],
                parseResult.GetValue(super),
                parseResult.GetValue(hours),
                parseResult.InvocationConfiguration.Output,
                parseResult.InvocationConfiguration.Error);
        });
        return command;
    }

    public static int Run(IConfiguration configuration, string rootDirectory, IReadOnlyList<string> projects, bool super, int hours, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var options = configuration.GetSection(AdminJwtOptions.SectionName).Get<AdminJwtOptions>() ?? new AdminJwtOptions();
        if (!super && projects.Count == 0)
        {
            error.WriteLine("fhiref admin-token: name at least one --project, or --super.");
            return 1;
        }

        if (hours is < 1 or > 24 * 30)
        {
            error.WriteLine("fhiref admin-token: --hours must be between 1 and 720.");
            return 1;
        }

        try
        {
            var key = AdminSigningKey.Resolve(options, rootDirectory);
            if (key is null)
            {
                error.WriteLine($"fhiref admin-token: no local key. Set {AdminJwtOptions.SectionName}:Development=true (development) or {AdminJwtOptions.SectionName}:SigningKey.");
                return 1;
            }

            output.WriteLine(AdminTokens.Create(key, options, projects, super, lifetime: TimeSpan.FromHours(hours)));
            return 0;
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine($"fhiref admin-token: {e.Message}");
            return 1;
        }
    }
}
