namespace FhirEf.Core.Abstractions;

/// <summary>The items of one bulk write, in input order, with counts per outcome.</summary>
public sealed record BulkWriteResult(IReadOnlyList<BulkWriteItem> Items)
{
    public int Created => Items.Count(i => i.Outcome == WriteOutcome.Created);

    public int Updated => Items.Count(i => i.Outcome == WriteOutcome.Updated);

    public int Unchanged => Items.Count(i => i.Outcome == WriteOutcome.Unchanged);

    public int Failed => Items.Count(i => i.Failed);
}
