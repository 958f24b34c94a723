namespace Touchpoint.Server.Features.Chat.Bot;

public static class ChatBotServices
{
    /// <summary>The knowledge-base bot answers first in every chat unless <c>Chat:Bot:Enabled</c> is false.</summary>
    public static IServiceCollection AddChatBot(this IServiceCollection services, IConfiguration configuration)
    {
        var options = ChatBotOptions.Read(configuration);
        services.AddSingleton(options);
        services.AddSingleton<ArticleMatcher>();
        services.AddHttpContextAccessor();
        if (options.Enabled) services.AddScoped<IChatBot, KnowledgeChatBot>();
        return services;
    }
}
