using System.ComponentModel.DataAnnotations;

namespace FhirEf.Core.Validation;

/// <summary>Limits <see cref="ResourceValidator"/> enforces before and while reading a resource (denial-of-service protection).</summary>
public sealed class ResourceValidatorOptions
{
    public const int DefaultMaxDepth = 128;

    public const int DefaultMaxResourceBytes = 16 * 1024 * 1024;

    /// <summary>The highest <see cref="MaxDepth"/> allowed: the walk recurses once per level, and 1,000 levels stay well within a thread's stack.</summary>
    public const int MaxDepthCeiling = 1000;

    /// <summary>
    /// Deepest JSON nesting accepted, counting every object and array (a Patient is 1, Patient.name[0]
    /// is 3). The deepest R4 spec example nests 21, Synthea bundles 11; a Questionnaire nested item
    /// by item can go deeper, hence the margin.
    /// </summary>
    [Range(1, MaxDepthCeiling)]
    public int MaxDepth { get; set; } = DefaultMaxDepth;

    /// <summary>Largest resource accepted, in UTF-8 bytes (16 MB by default).</summary>
    [Range(1, int.MaxValue)]
    public int MaxResourceBytes { get; set; } = DefaultMaxResourceBytes;
}
