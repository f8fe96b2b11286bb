namespace FhirEf.Cli.Schema;

/// <summary>Tables, columns and indexes of one kind of table.</summary>
internal sealed record KindTotals(string Kind, int Tables, int Columns, int Indexes);
