using System.Globalization;

namespace FhirEf.Core.Indexing.Extraction;

/// <summary>Where the problems of one <see cref="SearchIndexer.Index(System.Text.Json.JsonElement)"/> call go: a caller's list, the options' callback, or both.</summary>
internal sealed class DiagnosticSink
{
    private readonly string _resourceType;
    private readonly string _resourceId;
    private readonly ICollection<IndexingDiagnostic>? _list;
    private readonly Action<IndexingDiagnostic>? _callback;

    private DiagnosticSink(string resourceType, string resourceId, ICollection<IndexingDiagnostic>? list, Action<IndexingDiagnostic>? callback)
    {
        _resourceType = resourceType;
        _resourceId = resourceId;
        _list = list;
        _callback = callback;
    }

    /// <summary>A sink, or null when nobody listens (so the hot path builds no messages).</summary>
    public static DiagnosticSink? Create(string resourceType, string resourceId, ICollection<IndexingDiagnostic>? list, Action<IndexingDiagnostic>? callback) =>
        list is null && callback is null ? null : new DiagnosticSink(resourceType, resourceId, list, callback);

    public void Report(IndexingDiagnosticSeverity severity, string parameter, string message)
    {
        var diagnostic = new IndexingDiagnostic(severity, _resourceType, _resourceId, parameter, message);
        _list?.Add(diagnostic);
        _callback?.Invoke(diagnostic);
    }

    public void ReportUnconverted(string parameter, string parameterType, object item) =>
        Report(
            IndexingDiagnosticSeverity.Warning,
            parameter,
            string.Create(CultureInfo.InvariantCulture, $"{Describe(item)} gives no {parameterType} value; skipped"));

    private static string Describe(object item) => item switch
    {
        Resources.ElementNode node => $"{node.Location} ({node.TypeName ?? "untyped"}{(node.HasPrimitiveValue ? $" '{Shorten(node.Json.ToString())}'" : string.Empty)})",
        _ => $"the {item.GetType().Name} '{Shorten(item.ToString() ?? string.Empty)}'",
    };

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
