namespace Touchpoint.Server.Features.Chat;

public static class ChatServices
{
    public static IServiceCollection AddChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ChatSignals>();
        services.AddScoped<ChatWork>();
        services.AddScoped<ChatBotRunner>();
        services.AddSingleton<MessagingSecrets>();
        services.AddSingleton(MessagingOptions.Read(configuration));
        services.AddHttpClient(MessagingOutboxSender.HttpClientName);
        services.AddSingleton<MessagingOutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<MessagingOutboxSender>());
        services.AddSingleton<MessagingOutbox>();
        return services;
    }

    /// <summary>Something to do when a chat ends (a survey, a notification): see <see cref="IChatEndedHandler"/>.</summary>
    public static IServiceCollection AddChatEndedHandler<T>(this IServiceCollection services) where T : class, IChatEndedHandler =>
        services.AddScoped<IChatEndedHandler, T>();

    public static void MapChatApi(this IEndpointRouteBuilder app)
    {
        app.MapChatVisitorApi();
        app.MapChatStaffApi();
        app.MapMessagingChannelApi();
        app.MapChatWidget();
    }
}
