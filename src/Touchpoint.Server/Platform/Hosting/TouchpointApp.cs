using System.Reflection;
using Microsoft.Extensions.FileProviders;
using Touchpoint.Server.Features.Assist;
using Touchpoint.Server.Features.Automation;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Features.CaseWorkspace;
using Touchpoint.Server.Features.Channels;
using Touchpoint.Server.Features.Chat;
using Touchpoint.Server.Features.Encounters;
using Touchpoint.Server.Features.Feedback;
using Touchpoint.Server.Features.Knowledge;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Features.Queue;
using Touchpoint.Server.Features.Search;
using Touchpoint.Server.Features.Teams;
using Touchpoint.Server.Platform.Sms;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Devices;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Realtime;
using Touchpoint.Server.Platform.Settings;

namespace Touchpoint.Server.Platform.Hosting;

/// <summary>Composition of the platform and the features: services first, then the request pipeline.</summary>
public static class TouchpointApp
{
    public static WebApplicationBuilder AddTouchpoint(this WebApplicationBuilder builder)
    {
        var options = TouchpointOptions.From(builder.Configuration);
        // One JSON object per log line for collectors; message templates keep fields structured either way.
        if (string.Equals(builder.Configuration["TOUCHPOINT_LOG_FORMAT"], "json", StringComparison.OrdinalIgnoreCase))
            builder.Logging.ClearProviders().AddJsonConsole();
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddTouchpointDatabase(options);
        DatabaseKeyRepository.AddDatabaseKeyRing(services);
        services.AddTouchpointHttp(builder.Configuration);
        services.AddTouchpointAuthentication();
        services.AddScoped<AuditLog>();
        services.AddOrganisation();
        services.AddQueue();
        services.AddCases(builder.Configuration);
        services.AddCaseAutomation();
        services.AddCaseWorkspace(builder.Configuration);
        services.AddChat(builder.Configuration);
        services.AddAssist(builder.Configuration);
        services.AddSms(builder.Configuration);
        services.AddHostedService<AuditRetention>();
        services.AddHostedService<StartupTasks>();
        services.AddCustomers();
        services.AddCustomerTimelineSource<QueueTimelineSource>();
        services.AddCustomerTimelineSource<EncounterTimelineSource>();
        services.AddCustomerTimelineSource<CaseTimelineSource>();
        services.AddCustomerTimelineSource<MailCustomerData>();
        services.AddCustomerTimelineSource<Features.Assist.AssistCustomerData>();
        services.AddSearch();
        services.AddKnowledge();
        services.AddFeedback(builder.Configuration);
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            // The committed copy in web/openapi.json must not depend on the address a server happened to run at.
            doc.Servers = [];
            doc.Info.Title = "Touchpoint API";
            doc.Info.Version = PlatformEndpoints.Version;
            return Task.CompletedTask;
        }).AddSchemaTransformer((schema, ctx, _) =>
        {
            // LocalizedText converts itself, so the generator cannot see that it is a map of language to text.
            if (ctx.JsonTypeInfo.Type == typeof(Localization.LocalizedText))
            {
                schema.Type = Microsoft.OpenApi.JsonSchemaType.Object;
                schema.AdditionalProperties = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String };
                schema.Description = "Text per language (zh-CN, zh-TW, ko-KR, en-US); a plain string is accepted on input for all four.";
            }
            return Task.CompletedTask;
        }));

        services.AddSignalR();
        if (options.UsePostgres)
        {
            services.AddSingleton<IRealtimePublisher, PostgresRealtimePublisher>();
            services.AddSingleton<PostgresRealtimeListener>();
            services.AddHostedService(sp => sp.GetRequiredService<PostgresRealtimeListener>());
        }
        else services.AddSingleton<IRealtimePublisher, LocalRealtimePublisher>();
        return builder;
    }

    public static WebApplication UseTouchpoint(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseTouchpointLocalization();

        var webRoot = FindWebRoot(app.Environment);
        var files = webRoot is null ? null : new StaticFileOptions { FileProvider = new PhysicalFileProvider(webRoot) };
        if (files is not null)
        {
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files.FileProvider });
            app.UseStaticFiles(files);
        }

        app.UseAuthentication();
        app.UseXsrfProtection();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapOpenApi();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "Touchpoint API v1");
            o.RoutePrefix = "swagger";
        });

        app.MapPlatformApi();
        app.MapAuthApi();
        app.MapUserAdminApi();
        app.MapApiTokenApi();
        app.MapAuditApi();
        app.MapSettingsApi();
        app.MapDeviceApi();
        app.MapOrganisationApi();
        app.MapTeamsApi();
        app.MapQueueApi();
        app.MapCustomerApi();
        app.MapCasesApi();
        app.MapCaseAutomationApi();
        app.MapCaseWorkspaceApi();
        app.MapEncountersApi();
        app.MapSearchApi();
        app.MapFeedbackApi();
        app.MapChatApi();
        app.MapAssistApi();
        app.MapKnowledgeApi();
        app.MapHub<EventsHub>(EventsHub.Path);

        // Unknown /api paths answer 404 problem details; every other path is a client-side route of the web app.
        app.Map("/api/{**rest}", (HttpContext ctx) => Problems.NotFound()).AllowAnonymous().ExcludeFromDescription();
        if (files is not null) app.MapFallbackToFile("index.html", files);
        return app;
    }

    /// <summary>
    /// The web app is built by Vite into the project's wwwroot. `dotnet run` may start from the repository root and tests
    /// from their own bin folder, so look in the content root, next to the assembly, and in the project folder.
    /// </summary>
    private static string? FindWebRoot(IWebHostEnvironment env)
    {
        var projectDir = typeof(TouchpointApp).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "TouchpointProjectDirectory")?.Value;
        string?[] candidates = [env.WebRootPath, Path.Combine(env.ContentRootPath, "wwwroot"), Path.Combine(AppContext.BaseDirectory, "wwwroot"),
            projectDir is null ? null : Path.Combine(projectDir, "wwwroot")];
        return candidates.FirstOrDefault(c => c is not null && File.Exists(Path.Combine(c, "index.html")));
    }
}
