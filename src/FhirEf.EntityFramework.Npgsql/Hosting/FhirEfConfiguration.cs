using Microsoft.Extensions.Configuration;

namespace FhirEf.EntityFramework.Npgsql.Hosting;

/// <summary>
/// The configuration the CLI and design-time tools read: the same sources, in the same order, as the
/// server's host (top-level appsettings.json, appsettings.{environment}.json, environment variables).
/// </summary>
public static class FhirEfConfiguration
{
    public static IConfigurationRoot Build(string rootDirectory, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootDirectory);
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(rootDirectory)
            .AddJsonFile("appsettings.json", optional: false)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? [])
            .Build();
    }
}
