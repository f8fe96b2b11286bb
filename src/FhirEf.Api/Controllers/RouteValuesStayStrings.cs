using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace FhirEf.Api.Controllers;

/// <summary>
/// MVC turns a blank string parameter (<c>/fhir/Patient/%20</c>) into null. The FHIR controllers want
/// the text as sent, so that a blank id is an invalid id like any other.
/// </summary>
internal sealed class RouteValuesStayStrings : IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Key.MetadataKind == ModelMetadataKind.Parameter
            && context.Key.ModelType == typeof(string)
            && context.Key.ParameterInfo?.Member.DeclaringType?.Assembly == typeof(RouteValuesStayStrings).Assembly)
        {
            context.DisplayMetadata.ConvertEmptyStringToNull = false;
        }
    }
}
