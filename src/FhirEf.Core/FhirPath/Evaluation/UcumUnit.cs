namespace FhirEf.Core.FhirPath.Evaluation;

/// <summary>
/// A parsed UCUM unit: the factor that takes a value to base units, its dimension, and for
/// arbitrary units (<c>[iU]</c>) the atom that only converts to itself.
/// </summary>
/// <param name="Factor">Multiply a value in this unit by the factor to get base units (m, s, g …).</param>
/// <param name="Offset">Added after the factor for the temperature scales Cel and [degF]; zero otherwise.</param>
internal sealed record UcumUnit(decimal Factor, UcumDimension Dimension, string? Arbitrary = null, decimal Offset = 0)
{
    public static readonly UcumUnit Unity = new(1m, UcumDimension.None);

    public bool IsSpecial => Offset != 0;

    public bool IsComparableTo(UcumUnit other) =>
        Dimension == other.Dimension && string.Equals(Arbitrary, other.Arbitrary, StringComparison.Ordinal);

    public UcumUnit Multiply(UcumUnit other)
    {
        if (IsSpecial || other.IsSpecial || (Arbitrary is not null && other.Arbitrary is not null && Arbitrary != other.Arbitrary))
        {
            throw new OverflowException("UCUM special and mixed arbitrary units do not combine.");
        }

        return new(Factor * other.Factor, Dimension.Multiply(other.Dimension), Arbitrary ?? other.Arbitrary);
    }

    public UcumUnit Power(int exponent)
    {
        if (exponent == 1)
        {
            return this;
        }

        if (IsSpecial)
        {
            throw new OverflowException("UCUM special units take no exponent.");
        }

        var factor = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            factor *= Factor;
        }

        if (factor == 0)
        {
            throw new OverflowException("The unit's factor underflows.");
        }

        return new(exponent < 0 ? 1m / factor : factor, Dimension.Power(exponent), exponent == 0 ? null : Arbitrary);
    }
}
