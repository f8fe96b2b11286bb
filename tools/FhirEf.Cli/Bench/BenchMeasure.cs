namespace FhirEf.Cli.Bench;

/// <summary>One row of <c>fhiref bench</c>: FhirEf's rate next to raw PostgreSQL doing the same rows in the same run.</summary>
internal sealed record BenchMeasure(string Scenario, long Resources, TimeSpan FhirEf, TimeSpan Raw, string FhirEfDoes, string RawDoes)
{
    public double FhirEfPerSecond => Resources / Math.Max(FhirEf.TotalSeconds, 0.001);

    public double RawPerSecond => Resources / Math.Max(Raw.TotalSeconds, 0.001);

    public double Ratio => FhirEfPerSecond / RawPerSecond;
}
