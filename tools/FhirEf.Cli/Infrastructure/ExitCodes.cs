namespace FhirEf.Cli.Infrastructure;

/// <summary>Process exit codes of <c>fhiref</c>.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Bad input (unknown resource type, missing file) or a failure; the message is on standard error.</summary>
    public const int Error = 1;

    /// <summary><c>schema diff</c>: the database differs from the model.</summary>
    public const int Drift = 2;
}
