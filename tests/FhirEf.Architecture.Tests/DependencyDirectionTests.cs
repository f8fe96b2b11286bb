using System.Reflection;

namespace FhirEf.Architecture.Tests;

/// <summary>
/// Keeps the dependency direction of docs/architecture (ARCHITECTURE.md): Core knows no EF and no ASP.NET;
/// the API and admin layers see Core abstractions, not storage; storage knows no HTTP.
/// </summary>
public sealed class DependencyDirectionTests
{
    public static TheoryData<string, string> ForbiddenReferences => new()
    {
        { "FhirEf.Core", "Microsoft.EntityFrameworkCore" },
        { "FhirEf.Core", "Microsoft.AspNetCore" },
        { "FhirEf.Core", "Npgsql" },
        { "FhirEf.Core", "FhirEf.EntityFramework" },
        { "FhirEf.Core", "FhirEf.Api" },
        { "FhirEf.EntityFramework", "Npgsql" },
        { "FhirEf.EntityFramework", "Microsoft.AspNetCore" },
        { "FhirEf.EntityFramework", "FhirEf.Api" },
        { "FhirEf.EntityFramework", "FhirEf.Admin" },
        { "FhirEf.EntityFramework.Npgsql", "Microsoft.AspNetCore" },
        { "FhirEf.EntityFramework.Npgsql", "FhirEf.Api" },
        { "FhirEf.Api", "FhirEf.EntityFramework" },
        { "FhirEf.Api", "Microsoft.EntityFrameworkCore" },
        { "FhirEf.Api", "Npgsql" },
        { "FhirEf.Api", "FhirEf.Admin" },
        { "FhirEf.Admin", "FhirEf.Api" },
        { "FhirEf.Admin", "Npgsql" },
    };

    [Theory]
    [MemberData(nameof(ForbiddenReferences))]
    public void Assembly_does_not_reference(string assembly, string forbiddenPrefix)
    {
        var references = TransitiveFhirEfReferences(Assembly.Load(assembly));

        var offending = references.Where(r => r == forbiddenPrefix || r.StartsWith(forbiddenPrefix + ".", StringComparison.Ordinal));

        Assert.Empty(offending);
    }

    [Fact]
    public void Every_FhirEf_source_assembly_is_covered()
    {
        var root = FindRoot();
        var projects = Directory.GetDirectories(Path.Combine(root, "src")).Select(Path.GetFileName).Order();

        Assert.Equal(
            ["FhirEf.Admin", "FhirEf.Api", "FhirEf.Core", "FhirEf.EntityFramework", "FhirEf.EntityFramework.Npgsql", "FhirEf.Server"],
            projects);
    }

    /// <summary>Direct references of the assembly, and transitively of the FhirEf assemblies it references.</summary>
    private static SortedSet<string> TransitiveFhirEfReferences(Assembly assembly)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([assembly]);
        while (pending.TryPop(out var current))
        {
            foreach (var reference in current.GetReferencedAssemblies())
            {
                if (reference.Name is { } name && seen.Add(name) && name.StartsWith("FhirEf.", StringComparison.Ordinal))
                {
                    pending.Push(Assembly.Load(reference));
                }
            }
        }

        return seen;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FhirEf.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("FhirEf.sln not found above the test output.");
    }
}
