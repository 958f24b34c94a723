using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Touchpoint.Server.Features.Chat.Bot;
using Touchpoint.Server.Features.Customers;

namespace Touchpoint.Server.Features.Chat;

public static class ChatServices
{
    /// <summary>Visitors' messages, typing and contact (on top of the anonymous per-address limit on every visitor call).</summary>
    public const string VisitorWritesPolicy = "chat-visitor-writes";
    /// <summary>A messaging gateway's inbound webhook, per channel.</summary>
    public const string GatewayPolicy = "messaging-gateway";

    public static IServiceCollection AddChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ChatSignals>();
        services.AddScoped<ChatWork>();
        services.AddScoped<ChatBotRunner>();
        services.AddChatBot(configuration);
        services.AddSingleton<MessagingSecrets>();
        services.AddSingleton(MessagingOptions.Read(configuration));
        services.AddHttpClient(MessagingOutboxSender.HttpClientName);
        services.AddSingleton<MessagingOutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<MessagingOutboxSender>());
        services.AddSingleton<MessagingOutbox>();
        services.AddHostedService<ChatIdleSweeper>();
        services.AddCustomerTimelineSource<ChatHistorySource>();
        // Per conversation (the token), else per address: a visitor's own pace, not their office's shared address.
        services.Configure<RateLimiterOptions>(o =>
        {
            var perMinute = configuration.GetValue("RateLimits:ChatMessagesPerMinute", 60);
            o.AddPolicy(VisitorWritesPolicy, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Request.Headers[ChatVisitorEndpoints.TokenHeader].FirstOrDefault() is { Length: > 0 } token
                    ? "chat:" + Platform.Identity.SecretTokens.Hash(token) : "addr:" + ctx.Connection.RemoteIpAddress,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            var gateway = configuration.GetValue("RateLimits:MessagingPerMinute", 1200);
            o.AddPolicy(GatewayPolicy, ctx => RateLimitPartition.GetFixedWindowLimiter(
                "gateway:" + ctx.Request.RouteValues["channelKey"],
                _ => new FixedWindowRateLimiterOptions { PermitLimit = gateway, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }

    /// <summary>Something to do when a chat ends (a survey, a notification): see <see cref="IChatEndedHandler"/>.</summary>
    public static IServiceCollection AddChatEndedHandler<T>(this IServiceCollection services) where T : class, IChatEndedHandler =>
        services.AddScoped<IChatEndedHandler, T>();

    public static void MapChatApi(this IEndpointRouteBuilder app)
    {
        app.MapChatVisitorApi();
        app.MapChatStaffApi();
        app.MapChatBotApi();
        app.MapMessagingChannelApi();
        app.MapChatWidget();
    }
}
