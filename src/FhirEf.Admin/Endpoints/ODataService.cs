using System.Text;
using System.Xml;
using FhirEf.Admin.Edm;
using FhirEf.Core.Schema;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;

namespace FhirEf.Admin.Endpoints;

/// <summary>The admin service's EDM, built once from the schema, and its CSDL document.</summary>
public sealed class ODataService
{
    private readonly Lazy<byte[]> _csdl;

    public ODataService(FhirSchema schema)
    {
        Model = FhirEdmModelBuilder.Build(schema);
        _csdl = new(() => WriteCsdl(Model));
    }

    public IEdmModel Model { get; }

    /// <summary><c>$metadata</c>: CSDL XML.</summary>
    public byte[] Csdl => _csdl.Value;

    private static byte[] WriteCsdl(IEdmModel model)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            if (!CsdlWriter.TryWriteCsdl(model, writer, CsdlTarget.OData, out IEnumerable<EdmError> errors))
            {
                throw new InvalidOperationException("The EDM does not serialise: " + string.Join("; ", errors));
            }
        }

        return buffer.ToArray();
    }
}
