namespace FhirEf.Core.FhirPath.Functions;

/// <summary>A FHIRPath function: its name, how many arguments it takes and how to compile a call.</summary>
internal sealed record FunctionDefinition(string Name, int MinArguments, int MaxArguments, Func<FunctionCall, FunctionBody> Compile)
{
    public FunctionDefinition(string name, Func<FunctionCall, FunctionBody> compile)
        : this(name, 0, 0, compile)
    {
    }
}
