using FhirEf.Api.ErrorHandling;
using FhirEf.Core.IO;

namespace FhirEf.Api.Requests;

/// <summary>Reads at most <c>limit</c> bytes of a request body and fails with 413 past it, whatever the host enforces.</summary>
internal sealed class LimitedReadStream(Stream inner, long limit) : CountingReadStream(inner, leaveOpen: true)
{
    protected override void OnRead(long total)
    {
        if (total > limit)
        {
            throw new PayloadTooLargeException(limit);
        }
    }
}
