using FhirEf.Core.FhirPath;
using FhirEf.Core.Indexing.Values;
using FhirEf.Core.Resources;

namespace FhirEf.Core.Indexing.Extraction;

/// <summary>
/// composite parameters (R4 search §3.1.1.4.17: "sequences of single values that match other defined
/// parameters"): for each node the composite's expression yields, each component's expression is
/// evaluated on that node and converted with the component parameter's type, so a tuple pairs values of
/// the same element (<c>component-code-value-quantity</c> pairs each Observation.component's own code and
/// value). A node where some component has no value gives no tuple: it could match no search.
/// </summary>
internal static class CompositeValues
{
    public static void Add(ParameterPlan plan, List<object> nodes, ExtractionSession session, DiagnosticSink? diagnostics, List<SearchValue> output)
    {
        var results = new List<object>[plan.Components.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = session.RentItems();
        }

        try
        {
            foreach (var item in nodes)
            {
                if (item is not ElementNode node)
                {
                    diagnostics?.ReportUnconverted(plan.Code, "composite", item);
                    continue;
                }

                if (TryEvaluate(plan, node, results, diagnostics) && TryConvert(plan, results, session, diagnostics) is { } value)
                {
                    output.Add(value);
                }
            }
        }
        finally
        {
            foreach (var items in results)
            {
                session.ReturnItems(items);
            }
        }
    }

    /// <summary>
    /// Evaluates every component on the node, the last first: the later components are the value parts
    /// (<c>value.as(Quantity)</c>) that are most often empty, and one empty component ends the tuple
    /// before anything is converted.
    /// </summary>
    private static bool TryEvaluate(ParameterPlan plan, ElementNode node, List<object>[] results, DiagnosticSink? diagnostics)
    {
        for (var i = results.Length - 1; i >= 0; i--)
        {
            var component = plan.Components[i];
            try
            {
                component.Expression.Evaluate(node, results[i]);
            }
            catch (FhirPathException e)
            {
                diagnostics?.Report(IndexingDiagnosticSeverity.Error, plan.Code, $"component {i} ('{component.Expression.Text}'): {e.Message}");
                return false;
            }

            if (results[i].Count == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static CompositeSearchValue? TryConvert(ParameterPlan plan, List<object>[] results, ExtractionSession session, DiagnosticSink? diagnostics)
    {
        var components = new IReadOnlyList<SearchValue>[results.Length];
        var values = session.ComponentValues;
        for (var i = 0; i < results.Length; i++)
        {
            var type = plan.Components[i].Parameter.Type;
            values.Clear();
            foreach (var item in results[i])
            {
                if (!session.TryAdd(type, item, values))
                {
                    diagnostics?.ReportUnconverted(plan.Code, type.ToString(), item);
                }
            }

            if (values.Count == 0)
            {
                return null;
            }

            components[i] = values.ToArray();
        }

        return new CompositeSearchValue(components);
    }
}
