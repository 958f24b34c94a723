using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Touchpoint.Server.Platform.Http;

/// <summary>
/// A JSON body that may be left out entirely. Minimal APIs match a body parameter only when a JSON content type is
/// sent, so an empty POST from a device or a script would not reach the endpoint at all.
/// </summary>
public static class OptionalBody
{
    public static async Task<T?> ReadAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        if (request.ContentLength is null or 0 && !request.Headers.TransferEncoding.Any()) return null;
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, options, ct);
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException("The request body is not valid JSON.", StatusCodes.Status400BadRequest, e);
        }
    }
}
