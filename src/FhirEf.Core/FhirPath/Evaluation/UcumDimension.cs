namespace FhirEf.Core.FhirPath.Evaluation;

/// <summary>
/// The exponents of UCUM's base units (m, s, g, rad, K, C, cd) plus mol, which UCUM counts as
/// dimensionless but FhirEf keeps apart so amounts of substance never convert to pure numbers.
/// </summary>
internal readonly record struct UcumDimension(sbyte Length, sbyte Time, sbyte Mass, sbyte Angle, sbyte Temperature, sbyte Charge, sbyte Luminosity, sbyte Amount)
{
    public static readonly UcumDimension None = default;

    public UcumDimension Multiply(UcumDimension other) => new(
        (sbyte)(Length + other.Length), (sbyte)(Time + other.Time), (sbyte)(Mass + other.Mass), (sbyte)(Angle + other.Angle),
        (sbyte)(Temperature + other.Temperature), (sbyte)(Charge + other.Charge), (sbyte)(Luminosity + other.Luminosity), (sbyte)(Amount + other.Amount));

    public UcumDimension Power(int exponent) => new(
        (sbyte)(Length * exponent), (sbyte)(Time * exponent), (sbyte)(Mass * exponent), (sbyte)(Angle * exponent),
        (sbyte)(Temperature * exponent), (sbyte)(Charge * exponent), (sbyte)(Luminosity * exponent), (sbyte)(Amount * exponent));
}
