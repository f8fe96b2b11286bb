namespace FhirEf.Core.Schema;

/// <summary>
/// Shared tables of structured values, one row per value of a HumanName, Address, ContactPoint or
/// Identifier search parameter of any resource type (docs/adr/0003-shared-lookup-tables.md). They
/// serve reporting (OData entity sets) and structured access; search itself uses the main tables.
/// </summary>
public static class LookupTables
{
    public const string HumanName = "HumanName";
    public const string Address = "Address";
    public const string ContactPoint = "ContactPoint";
    public const string Identifier = "Identifier";

    public static IReadOnlyList<TableSchema> All { get; } =
    [
        Table(HumanName, ("use", ColumnType.Text), ("text", ColumnType.Text), ("family", ColumnType.Text),
            ("given", ColumnType.TextArray), ("prefix", ColumnType.TextArray), ("suffix", ColumnType.TextArray)),
        Table(Address, ("use", ColumnType.Text), ("type", ColumnType.Text), ("text", ColumnType.Text), ("line", ColumnType.TextArray),
            ("city", ColumnType.Text), ("district", ColumnType.Text), ("state", ColumnType.Text), ("postalCode", ColumnType.Text),
            ("country", ColumnType.Text)),
        Table(ContactPoint, ("system", ColumnType.Text), ("value", ColumnType.Text), ("use", ColumnType.Text), ("rank", ColumnType.Integer)),
        Table(Identifier, ("use", ColumnType.Text), ("typeSystem", ColumnType.Text), ("typeCode", ColumnType.Text),
            ("system", ColumnType.Text), ("value", ColumnType.Text)),
    ];

    private static TableSchema Table(string name, params (string Name, ColumnType Type)[] fields)
    {
        List<ColumnSchema> columns =
        [
            new(FixedColumns.ProjectId, ColumnType.Text, Nullable: false, FixedColumns.IdMaxLength),
            new(FixedColumns.ResourceType, ColumnType.Text, Nullable: false, FixedColumns.IdMaxLength),
            new(FixedColumns.ResourceId, ColumnType.Text, Nullable: false, FixedColumns.IdMaxLength),
            new(FixedColumns.Code, ColumnType.Text, Nullable: false),
            new(FixedColumns.Ordinal, ColumnType.Integer, Nullable: false),
            .. fields.Select(f => new ColumnSchema(f.Name, f.Type, Nullable: true)),
        ];
        var textColumn = fields.Any(f => f.Name == "value") ? "value" : fields.Any(f => f.Name == "family") ? "family" : "city";
        return new TableSchema(
            name,
            TableKind.Lookup,
            resourceType: null,
            columns,
            [FixedColumns.ProjectId, FixedColumns.ResourceType, FixedColumns.ResourceId, FixedColumns.Code, FixedColumns.Ordinal],
            [TableSchemaBuilder.Trigram(name, textColumn)]);
    }
}
