using System.Diagnostics.CodeAnalysis;
using FhirEf.Core.Schema.Storage;

namespace FhirEf.Core.Schema;

/// <summary>The three tables of one resource type and how each of its search parameters is stored.</summary>
public sealed class ResourceTableSchema
{
    public ResourceTableSchema(
        string resourceType,
        TableSchema main,
        TableSchema history,
        TableSchema references,
        IReadOnlyDictionary<string, SearchParameterStorage> parameters)
    {
        ResourceType = resourceType;
        Main = main;
        History = history;
        References = references;
        Parameters = parameters;
    }

    public string ResourceType { get; }

    public TableSchema Main { get; }

    public TableSchema History { get; }

    public TableSchema References { get; }

    /// <summary>Every search parameter of the type, by code, with its storage (or why it has none).</summary>
    public IReadOnlyDictionary<string, SearchParameterStorage> Parameters { get; }

    /// <summary>Whether the table has a compartments column (every type but Binary).</summary>
    public bool HasCompartments => Main.TryGetColumn(FixedColumns.Compartments, out _);

    public bool TryGetStorage(string code, [NotNullWhen(true)] out SearchParameterStorage? storage) =>
        Parameters.TryGetValue(code, out storage);
}
