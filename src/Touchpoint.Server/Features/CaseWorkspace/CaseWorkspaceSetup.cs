using Touchpoint.Server.Features.Customers;
using Touchpoint.Server.Platform.Hosting;
using Touchpoint.Server.Platform.Identity;

namespace Touchpoint.Server.Features.CaseWorkspace;

/// <summary>The case workspace: attachments, saved views, collision detection, the telephony webhook and unparsed mail review.</summary>
public static class CaseWorkspaceSetup
{
    public static IServiceCollection AddCaseWorkspace(this IServiceCollection services, IConfiguration configuration) => services
        .AddSingleton(AttachmentOptions.Read(configuration))
        .AddSingleton<IAttachmentStore>(sp => sp.GetRequiredService<TouchpointOptions>().UsePostgres
            ? new DatabaseAttachmentStore()
            : new FolderAttachmentStore(sp.GetRequiredService<TouchpointOptions>()))
        .AddSingleton<CaseAttachmentService>()
        .AddSingleton<CaseViewCounts>()
        .AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<CaseViewCounts>())
        .AddSingleton<UnsentUploadCleanup>()
        .AddHostedService(sp => sp.GetRequiredService<UnsentUploadCleanup>())
        .AddCustomerTimelineSource<AttachmentCustomerData>()
        .AddCustomerTimelineSource<PhoneCallCustomerData>();

    public static void MapCaseWorkspaceApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/cases/{id:guid}").RequireAuthorization(Permissions.CasesRead).WithTags("Cases");
        read.MapGet("/attachments", AttachmentEndpoints.List);
        read.MapPost("/presence", CasePresence.Announce);
        read.MapGet("/attachments/{attachmentId:guid}", AttachmentEndpoints.Download).Produces(StatusCodes.Status200OK, contentType: "application/octet-stream");
        var write = app.MapGroup("/api/cases/{id:guid}").RequireAuthorization(Permissions.CasesWrite).WithTags("Cases");
        var limit = app.ServiceProvider.GetRequiredService<AttachmentOptions>().MaxRequestBytes;
        write.MapPost("/attachments", AttachmentEndpoints.Upload).Accepts<IFormFileCollection>("multipart/form-data")
            .WithMetadata(new AttachmentEndpoints.SizeLimit(limit)).WithFormOptions(multipartBodyLengthLimit: limit)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        app.MapCaseViewApi();
        app.MapTelephonyApi();
        app.MapUnparsedMailApi();
    }
}
