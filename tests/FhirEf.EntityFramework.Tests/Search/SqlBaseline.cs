using System.Runtime.CompilerServices;
using System.Text;

namespace FhirEf.EntityFramework.Tests.Search;

/// <summary>
/// Compares generated SQL with a stored baseline in <c>Search/Baselines/&lt;name&gt;.sql</c> (EF Core's
/// <c>AssertSql</c> habit). With <c>FHIREF_UPDATE_BASELINES=1</c> the baseline is (re)written instead, to be
/// reviewed in the diff; a missing baseline or a mismatch fails with a line diff.
/// </summary>
internal static class SqlBaseline
{
    public const string UpdateVariable = "FHIREF_UPDATE_BASELINES";

    public static void AssertMatches(string name, string sql, [CallerFilePath] string sourceFile = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(sourceFile)!, "Baselines", name + ".sql");
        var actual = sql.ReplaceLineEndings("\n").TrimEnd() + "\n";
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        if (!File.Exists(path))
        {
            Assert.Fail($"No SQL baseline {path}; run with {UpdateVariable}=1 to create it. The SQL:\n{actual}");
        }

        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            Assert.Fail($"SQL differs from the baseline {path} (run with {UpdateVariable}=1 to accept):\n{Diff(expected, actual)}");
        }
    }

    /// <summary>A line diff (- baseline, + actual) around the differing lines, enough to review a change.</summary>
    private static string Diff(string expected, string actual)
    {
        var before = expected.Split('\n');
        var after = actual.Split('\n');
        var prefix = 0;
        while (prefix < before.Length && prefix < after.Length && before[prefix] == after[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < before.Length - prefix && suffix < after.Length - prefix && before[^(suffix + 1)] == after[^(suffix + 1)])
        {
            suffix++;
        }

        var diff = new StringBuilder();
        foreach (var line in before[Math.Max(0, prefix - 2)..prefix])
        {
            diff.Append("  ").AppendLine(line);
        }

        foreach (var line in before[prefix..^suffix])
        {
            diff.Append("- ").AppendLine(line);
        }

        foreach (var line in after[prefix..^suffix])
        {
            diff.Append("+ ").AppendLine(line);
        }

        return diff.ToString();
    }
}
