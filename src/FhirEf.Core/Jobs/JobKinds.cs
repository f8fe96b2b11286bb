namespace FhirEf.Core.Jobs;

/// <summary>The kinds of job in the jobs table; the worker dispatches on them.</summary>
public static class JobKinds
{
    public const string Reindex = "reindex";

    public const string Export = "export";
}
