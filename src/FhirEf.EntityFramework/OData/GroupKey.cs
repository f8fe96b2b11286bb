namespace FhirEf.EntityFramework.OData;

/// <summary>
/// The key of a <c>groupby</c> of up to four properties, built as EF Core sees anonymous types (a
/// constructor whose arguments map to members), so the grouping translates to <c>GROUP BY</c>.
/// Unused positions hold a constant.
/// </summary>
internal sealed class GroupKey<T0, T1, T2, T3>(T0 k0, T1 k1, T2 k2, T3 k3)
{
    public T0 K0 { get; } = k0;

    public T1 K1 { get; } = k1;

    public T2 K2 { get; } = k2;

    public T3 K3 { get; } = k3;
}
