using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace FhirEf.Admin.Security;

/// <summary>The HMAC key admin tokens are signed with: configured, or the development key file.</summary>
public static class AdminSigningKey
{
    private const int KeyBytes = 32;

    /// <summary>The configured key, the development key (created when missing), or null when neither applies.</summary>
    public static SymmetricSecurityKey? Resolve(AdminJwtOptions options, string rootDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return FromBase64(options.SigningKey);
        }

        return options.Development ? LoadOrCreate(Path.Combine(rootDirectory, options.DevelopmentKeyFile)) : null;
    }

    public static SymmetricSecurityKey FromBase64(string key)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(key);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"{AdminJwtOptions.SectionName}:SigningKey is not base64.", e);
        }

        return bytes.Length >= KeyBytes
            ? new SymmetricSecurityKey(bytes)
            : throw new InvalidOperationException($"{AdminJwtOptions.SectionName}:SigningKey must hold at least {KeyBytes} bytes.");
    }

    /// <summary>A new random key, base64: what <c>SigningKey</c> expects.</summary>
    public static string Generate() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes));

    private static SymmetricSecurityKey LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using var writer = new StreamWriter(path, options);
                writer.Write(Generate());
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process (the server or the CLI) created it first: use theirs.
            }
        }

        return FromBase64(File.ReadAllText(path).Trim());
    }
}
