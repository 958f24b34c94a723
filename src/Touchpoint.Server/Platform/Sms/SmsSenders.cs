using System.Net.Http.Json;
using Touchpoint.Server.Platform.Privacy;

namespace Touchpoint.Server.Platform.Sms;

/// <summary>Sends a text message. Register another implementation to use an SMS gateway of your own.</summary>
public interface ISmsSender
{
    Task SendAsync(string phone, string text, CancellationToken ct);
}

/// <summary>
/// The default: writes the message to the log, with the number and any link token masked (personal data and secrets
/// never reach the logs), so a
/// branch without a gateway still sees what would have been sent.
/// </summary>
public sealed class LoggingSmsSender(ILogger<LoggingSmsSender> logger) : ISmsSender
{
    public Task SendAsync(string phone, string text, CancellationToken ct)
    {
        logger.LogInformation("SMS to {Phone}: {Text}", Masks.Phone(phone), Masks.Tokens(text));
        return Task.CompletedTask;
    }
}

/// <summary>
/// Posts <c>{"to","text"}</c> as JSON to the address in <c>Sms:WebhookUrl</c>, with <c>Sms:WebhookToken</c> as a bearer
/// token when set: most SMS gateways, or a small relay in front of one, accept that.
/// </summary>
public sealed class WebhookSmsSender(HttpClient http, IConfiguration configuration, ILogger<WebhookSmsSender> logger) : ISmsSender
{
    public async Task SendAsync(string phone, string text, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, configuration["Sms:WebhookUrl"]) { Content = JsonContent.Create(new { to = phone, text }) };
        if (configuration["Sms:WebhookToken"] is { Length: > 0 } token) request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            logger.LogWarning("SMS gateway answered {Status} for a message to {Phone}", (int)response.StatusCode, Masks.Phone(phone));
    }
}

public static class SmsServices
{
    public static IServiceCollection AddSms(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration["Sms:WebhookUrl"])) services.AddSingleton<ISmsSender, LoggingSmsSender>();
        else services.AddHttpClient<ISmsSender, WebhookSmsSender>(c => c.Timeout = TimeSpan.FromSeconds(10));
        return services;
    }
}
