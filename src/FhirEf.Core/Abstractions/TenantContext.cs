namespace FhirEf.Core.Abstractions;

/// <summary>
/// The project (tenant) a request acts in. Every row carries it and every query is filtered by it,
/// centrally; with multi-tenancy off everything runs in <see cref="DefaultProjectId"/>.
/// </summary>
public sealed class TenantContext
{
    public const string DefaultProjectId = "default";

    public TenantContext(string projectId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        ProjectId = projectId;
    }

    public static TenantContext Default { get; } = new(DefaultProjectId);

    public string ProjectId { get; }

    public override string ToString() => ProjectId;
}
