namespace FhirEf.Core.Indexing.Values;

/// <summary>
/// The inclusive instant range a date, dateTime, instant, Period or Timing covers, in UTC. A partial
/// date covers its whole period; a Period without start or end is open on that side
/// (<see cref="DateTimeOffset.MinValue"/> / <see cref="DateTimeOffset.MaxValue"/>).
/// </summary>
public sealed record DateSearchValue(DateTimeOffset Start, DateTimeOffset End) : SearchValue
{
    public static readonly DateTimeOffset OpenStart = DateTimeOffset.MinValue;
    public static readonly DateTimeOffset OpenEnd = DateTimeOffset.MaxValue;
}
