using System.Text.Json;

namespace FhirEf.EntityFramework.Search.Terminology;

/// <summary>
/// The concepts of a stored CodeSystem and their is-a graph. A concept's parents come from nesting
/// (<c>concept.concept</c>) and from the <c>parent</c> and <c>subsumedBy</c> properties; its children also
/// from the <c>child</c> property (R4 CodeSystem §4.8.4, "concept properties" of the terminology module).
/// </summary>
internal sealed class CodeSystemConcepts
{
    private readonly Dictionary<string, HashSet<string>> _parents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _children = new(StringComparer.Ordinal);

    public CodeSystemConcepts(JsonElement codeSystem)
    {
        if (codeSystem.TryGetProperty("concept", out var concepts))
        {
            Add(concepts, parent: null);
        }
    }

    /// <summary>Every concept code, in document order of first appearance.</summary>
    public IEnumerable<string> Codes => _parents.Keys;

    public bool Contains(string code) => _parents.ContainsKey(code);

    /// <summary>The code and everything it subsumes (<c>:below</c>).</summary>
    public IReadOnlyCollection<string> Descendants(string code) => Closure(code, _children);

    /// <summary>The code and everything that subsumes it (<c>:above</c>).</summary>
    public IReadOnlyCollection<string> Ancestors(string code) => Closure(code, _parents);

    private void Add(JsonElement concepts, string? parent)
    {
        if (concepts.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var concept in concepts.EnumerateArray())
        {
            if (!concept.TryGetProperty("code", out var codeElement) || codeElement.GetString() is not { } code)
            {
                continue;
            }

            Node(code);
            if (parent is not null)
            {
                Link(parent, code);
            }

            if (concept.TryGetProperty("property", out var properties) && properties.ValueKind == JsonValueKind.Array)
            {
                foreach (var property in properties.EnumerateArray())
                {
                    var name = property.TryGetProperty("code", out var p) ? p.GetString() : null;
                    var value = property.TryGetProperty("valueCode", out var v) ? v.GetString() : null;
                    if (value is null)
                    {
                        continue;
                    }

                    if (name is "parent" or "subsumedBy")
                    {
                        Link(value, code);
                    }
                    else if (name == "child")
                    {
                        Link(code, value);
                    }
                }
            }

            if (concept.TryGetProperty("concept", out var nested))
            {
                Add(nested, code);
            }
        }
    }

    private void Node(string code)
    {
        if (!_parents.ContainsKey(code))
        {
            _parents[code] = new HashSet<string>(StringComparer.Ordinal);
            _children[code] = new HashSet<string>(StringComparer.Ordinal);
        }
    }

    private void Link(string parent, string child)
    {
        Node(parent);
        Node(child);
        _parents[child].Add(parent);
        _children[parent].Add(child);
    }

    /// <summary>Breadth-first closure; the visited set makes a cyclic (malformed) hierarchy terminate.</summary>
    private static List<string> Closure(string start, Dictionary<string, HashSet<string>> edges)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var order = new List<string> { start };
        for (var i = 0; i < order.Count; i++)
        {
            if (edges.TryGetValue(order[i], out var next))
            {
                foreach (var code in next.Where(seen.Add))
                {
                    order.Add(code);
                }
            }
        }

        return order;
    }
}
