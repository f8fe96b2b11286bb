using System.Text;

namespace FhirEf.Core.Validation;

/// <summary>
/// The position of the walk, as a stack of JSON property names and array indexes; rendered only when
/// an issue is reported, so that valid resources cost no string building.
/// </summary>
internal sealed class ValidationPath
{
    private readonly List<(string? Name, int Index)> _segments = [];

    /// <summary>The first segment of the FHIR path: the top-level resource type.</summary>
    public string Root { get; set; } = "Resource";

    public void PushProperty(string name) => _segments.Add((name, -1));

    public void PushIndex(int index) => _segments.Add((null, index));

    public void Pop() => _segments.RemoveAt(_segments.Count - 1);

    /// <summary>"Patient.name[1].given[0]": JSON names, with a primitive's "_" sibling reported on the primitive.</summary>
    public string ToFhirPath()
    {
        var builder = new StringBuilder(Root);
        foreach (var (name, index) in _segments)
        {
            if (name is null)
            {
                builder.Append('[').Append(index).Append(']');
            }
            else
            {
                builder.Append('.').Append(name.Length > 1 && name[0] == '_' ? name.AsSpan(1) : name);
            }
        }

        return builder.ToString();
    }

    /// <summary>RFC 6901: "/name/1/_given/0", with "~" and "/" escaped.</summary>
    public string ToJsonPointer()
    {
        var builder = new StringBuilder();
        foreach (var (name, index) in _segments)
        {
            builder.Append('/');
            if (name is null)
            {
                builder.Append(index);
            }
            else
            {
                builder.Append(name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
            }
        }

        return builder.ToString();
    }
}
