using FhirEf.Core.Configuration;
using FhirEf.Server.Composition;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // The repository's top-level appsettings.json and spec/ are the server's content root.
    ContentRootPath = FhirEfRoot.Find(),
});
builder.AddFhirEfServer();

var app = builder.Build();
app.MapFhirEfServer();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
