namespace FhirEf.Core.Abstractions;

/// <summary>A version in a history Bundle, with the request that produced it (POST, PUT, PATCH, DELETE).</summary>
public sealed record HistoryEntry(ResourceVersion Version, string Method)
{
    /// <summary>request.url of the entry: <c>Type</c> for a create, <c>Type/id</c> otherwise.</summary>
    public string RequestUrl => Method == "POST" ? Version.ResourceType : $"{Version.ResourceType}/{Version.Id}";

    /// <summary>response.status of the entry.</summary>
    public string ResponseStatus => Method switch
    {
        "POST" => "201 Created",
        "DELETE" => "204 No Content",
        _ => Version.VersionId == 1 ? "201 Created" : "200 OK",
    };
}
