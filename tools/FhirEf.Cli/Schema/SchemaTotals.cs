namespace FhirEf.Cli.Schema;

/// <summary>Counts of one schema by table kind (main, history, references, lookup, shared); indexes include primary-key indexes.</summary>
internal sealed record SchemaTotals(IReadOnlyList<KindTotals> Kinds, IReadOnlyDictionary<string, int> IndexesByMethod, int PrimaryKeys)
{
    public int Tables => Kinds.Sum(k => k.Tables);

    public int Columns => Kinds.Sum(k => k.Columns);

    public int Indexes => Kinds.Sum(k => k.Indexes);

    public KindTotals Kind(string kind) => Kinds.FirstOrDefault(k => k.Kind == kind) ?? new KindTotals(kind, 0, 0, 0);
}
