using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace FhirEf.EntityFramework.Npgsql.Embedded;

/// <summary>
/// Picks where the cluster's files live. The cluster runs as another OS user when FhirEf runs as root,
/// and that user must be able to reach the folder: every parent needs the execute bit for others.
/// A clone under a private home folder (root's is 0700) does not qualify, so the cluster moves to
/// /var/tmp/fhiref/&lt;hash of the configured path&gt;/.
/// </summary>
internal static class DataDirectoryLocator
{
    private const string FallbackRoot = "/var/tmp/fhiref";

    public static string Resolve(string configured, string osUser, ILogger logger)
    {
        if (osUser == OsCommand.CurrentUserName || AncestorsAreTraversable(configured))
        {
            return configured;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(configured)))[..16];
        var fallback = Path.Combine(FallbackRoot, hash, Path.GetFileName(configured));
        logger.LogWarning(
            "The OS user {OsUser} cannot reach {Configured} (a parent folder lacks the execute bit for others); " +
            "the embedded PostgreSQL keeps its files in {Fallback} instead",
            osUser, configured, fallback);
        Directory.CreateDirectory(Path.GetDirectoryName(fallback)!);
        return fallback;
    }

    private static bool AncestorsAreTraversable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        for (var folder = Path.GetDirectoryName(path); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (Directory.Exists(folder) && !File.GetUnixFileMode(folder).HasFlag(UnixFileMode.OtherExecute))
            {
                return false;
            }
        }

        return true;
    }
}
