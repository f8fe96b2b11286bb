using System.Net;
using FhirEf.Api.Tests.Infrastructure;

namespace FhirEf.Api.Tests.Jobs;

/// <summary>Follows an asynchronous job: its status URL until it stops answering 202.</summary>
internal static class JobPolling
{
    public static async Task<HttpResponseMessage> UntilDoneAsync(HttpClient client, HttpResponseMessage kickOff)
    {
        Assert.True(kickOff.StatusCode == HttpStatusCode.Accepted, await kickOff.Content.ReadAsStringAsync());
        return await UntilDoneAsync(client, StatusPath(kickOff));
    }

    public static async Task<HttpResponseMessage> UntilDoneAsync(HttpClient client, string status)
    {
        for (var attempt = 0; attempt < 1_800; attempt++)
        {
            var response = await client.GetAsync(status);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                return response;
            }

            Assert.NotEmpty(response.Header("X-Progress"));
            await Task.Delay(100);
        }

        throw new TimeoutException($"{status} still answers 202 after three minutes.");
    }

    public static string StatusPath(HttpResponseMessage kickOff) =>
        new Uri(kickOff.Content.Headers.ContentLocation?.ToString() ?? kickOff.Header("Content-Location")).PathAndQuery;
}
