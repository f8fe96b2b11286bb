using System.Diagnostics;

namespace FhirEf.EntityFramework.Npgsql.Embedded;

/// <summary>Runs the PostgreSQL command-line programs, as another OS user where needed.</summary>
internal static class OsCommand
{
    /// <summary>Whether the effective user id is 0 (from /proc, which needs no native interop).</summary>
    public static bool IsRoot { get; } = ReadEffectiveUserId() == 0;

    public static string CurrentUserName => Environment.UserName;

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string Describe() => string.Join(Environment.NewLine,
            new[] { Output.Trim(), Error.Trim() }.Where(s => s.Length > 0));
    }

    /// <summary>Runs <paramref name="program"/>; when <paramref name="runAs"/> differs from the current user, through runuser.</summary>
    public static async Task<Result> RunAsync(
        string program,
        IEnumerable<string> arguments,
        string? runAs,
        CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };

        if (runAs is not null && runAs != CurrentUserName)
        {
            startInfo.FileName = "runuser";
            startInfo.ArgumentList.Add("-u");
            startInfo.ArgumentList.Add(runAs);
            startInfo.ArgumentList.Add("--");
            startInfo.ArgumentList.Add(program);
        }
        else
        {
            startInfo.FileName = program;
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // PostgreSQL's programs answer in the C locale whatever the caller's environment says.
        startInfo.Environment["LC_MESSAGES"] = "C";

        using var process = Process.Start(startInfo)
            ?? throw new EmbeddedPostgresException($"Could not start '{startInfo.FileName}'.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>First line a program prints, or null when it cannot run.</summary>
    public static string? TryReadLine(string program, params string[] arguments)
    {
        try
        {
            var result = RunAsync(program, arguments, runAs: null, CancellationToken.None).GetAwaiter().GetResult();
            var line = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .FirstOrDefault();
            return result.ExitCode == 0 ? line : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static int? ReadEffectiveUserId()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return null;
        }

        // "Uid:\treal\teffective\tsaved\tfs"
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        var fields = line?.Split('\t', StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: > 2 } && int.TryParse(fields[2], out var uid) ? uid : null;
    }
}
