using System.Security.Cryptography;
using System.Text.RegularExpressions;
using FhirEf.Core.Configuration;

namespace FhirEf.Core.Tests.Definitions;

/// <summary>The definitions FhirEf is built from are exactly the ones spec/README.md pins.</summary>
public sealed partial class PinnedSpecificationTests
{
    private static readonly string Root = FhirEfRoot.Find();

    public static TheoryData<string, string> PinnedFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (Match row in ChecksumRow().Matches(File.ReadAllText(Path.Combine(Root, "spec", "README.md"))))
        {
            data.Add(row.Groups["file"].Value, row.Groups["sha"].Value);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PinnedFiles))]
    public void Pinned_file_matches_its_checksum(string file, string sha256)
    {
        using var stream = File.OpenRead(Path.Combine(Root, "spec", "fhir", "r4", file));

        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    [Fact]
    public void Every_file_in_the_pinned_folder_has_a_checksum()
    {
        var listed = PinnedFiles().Select(row => (string)row[0]).Order();
        var present = Directory.GetFiles(Path.Combine(Root, "spec", "fhir", "r4")).Select(Path.GetFileName).Order();

        Assert.Equal(listed, present);
    }

    [GeneratedRegex(@"^\| `(?<file>[^`]+)` \| `[^`]+` \| \d+ \| `(?<sha>[0-9a-f]{64})` \|$", RegexOptions.Multiline)]
    private static partial Regex ChecksumRow();
}
