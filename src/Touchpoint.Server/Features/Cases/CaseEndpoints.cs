using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Channels;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Mail;

namespace Touchpoint.Server.Features.Cases;

public sealed record SlaPolicyDto(
    Guid? Id, string? Branch, string Priority, string? Category, string? Segment, int FirstResponseMinutes, int NextResponseMinutes,
    int ResolutionMinutes, int WarnAtPercent);

public static class CaseEndpoints
{
    public static IServiceCollection AddCases(this IServiceCollection services, IConfiguration configuration) => services
        .AddSingleton<SlaPolicyCache>()
        .AddScoped<CaseContext>()
        .AddSingleton<SlaMonitor>()
        .AddHostedService(sp => sp.GetRequiredService<SlaMonitor>())
        .AddSingleton(SmtpOptions.Read(configuration))
        .AddSingleton<EmailOutboxSender>()
        .AddHostedService(sp => sp.GetRequiredService<EmailOutboxSender>())
        .AddSingleton<EmailOutboxWake>()
        .AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<EmailOutboxWake>())
        .AddScoped<EmailOutbox>();

    public static void MapCasesApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/cases").RequireAuthorization(Permissions.CasesRead).WithTags("Cases");
        read.MapGet("", CaseQueries.List);
        read.MapGet("/{id:guid}", CaseQueries.Get);

        var write = app.MapGroup("/api/cases").RequireAuthorization(Permissions.CasesWrite).WithTags("Cases");
        write.MapPost("", CaseCreation.Create);
        write.MapPatch("/{id:guid}", CaseEditing.Update);
        write.MapPost("/{id:guid}/messages", CaseWork.AddMessage);
        write.MapPost("/{id:guid}/status", CaseWork.ChangeStatus);
        write.MapPost("/{id:guid}/assign", CaseWork.Assign);
        write.MapPost("/{id:guid}/links", CaseWork.Link);
        write.MapPost("/{id:guid}/merge", CaseWork.Merge);

        var policies = app.MapGroup("/api/sla-policies").WithTags("Cases");
        policies.MapGet("", ListPolicies).RequireAuthorization(Permissions.CasesRead);
        policies.MapPut("", ReplacePolicies).RequireAuthorization(Permissions.CasesManage);
        app.MapMacroApi();

        // A raw message/rfc822 body: read by the endpoint itself, so it takes no JSON and has no body parameter.
        app.MapPost("/api/channels/email/inbound", EmailInbound.Receive).RequireAuthorization(Permissions.ChannelsEmail)
            .WithTags("Channels").Accepts<byte[]>("message/rfc822");
    }

    private static async Task<List<SlaPolicyDto>> ListPolicies(CaseContext cases, CancellationToken ct)
    {
        var list = new List<SlaPolicyDto>();
        foreach (var p in await cases.Policies.GetAsync(cases.Db, ct))
            list.Add(await ToDtoAsync(cases, p, ct));
        // The built-in targets apply where nothing is set: show them so people see what is in force.
        foreach (var priority in CasePriorities.All.Where(pr => list.All(p => p.Priority != pr || p.Branch is not null || p.Category is not null || p.Segment is not null)))
            list.Add(await ToDtoAsync(cases, SlaPolicy.Default(priority), ct) with { Id = null });
        return list.OrderBy(p => p.Branch).ThenBy(p => CasePriorities.All.ToList().IndexOf(p.Priority)).ToList();
    }

    /// <summary>Replaces the whole set of policies at once (a short list people edit as a table).</summary>
    private static async Task<Results<Ok<List<SlaPolicyDto>>, ValidationProblem>> ReplacePolicies(
        List<SlaPolicyDto> policies, CaseContext cases, AuditLog audit, CancellationToken ct)
    {
        var v = new Validation();
        var rows = new List<SlaPolicy>();
        for (var i = 0; i < policies.Count; i++)
        {
            var p = policies[i];
            if (!CasePriorities.All.Contains(p.Priority)) v.Add($"[{i}].priority", "validation.oneOf", string.Join(", ", CasePriorities.All));
            v.Range($"[{i}].firstResponseMinutes", p.FirstResponseMinutes, 1, 525_600);
            v.Range($"[{i}].nextResponseMinutes", p.NextResponseMinutes, 1, 525_600);
            v.Range($"[{i}].resolutionMinutes", p.ResolutionMinutes, 1, 525_600);
            v.Range($"[{i}].warnAtPercent", p.WarnAtPercent, 0, 100);
            v.MaxLength($"[{i}].category", p.Category, 64);
            v.MaxLength($"[{i}].segment", p.Segment, 32);
            Guid? branchId = null;
            if (p.Branch is not null)
            {
                var b = await cases.BranchAsync(p.Branch, ct);
                if (b is null) v.Add($"[{i}].branch", "validation.unknownBranch", p.Branch);
                branchId = b?.Branch.Id;
            }
            rows.Add(new SlaPolicy
            {
                BranchId = branchId, Priority = p.Priority, Category = Blank(p.Category), Segment = Blank(p.Segment),
                FirstResponseMinutes = p.FirstResponseMinutes, NextResponseMinutes = p.NextResponseMinutes,
                ResolutionMinutes = p.ResolutionMinutes, WarnAtPercent = p.WarnAtPercent,
            });
        }
        if (!v.IsValid) return v.Problem();
        var db = cases.Db;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SlaPolicies.ExecuteDeleteAsync(ct);
        db.SlaPolicies.AddRange(rows);
        audit.Record(AuditActions.SlaPolicyChanged, "sla-policies", new { count = rows.Count });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        cases.Policies.Invalidate();
        return TypedResults.Ok(await ListPolicies(cases, ct));
    }

    private static async Task<SlaPolicyDto> ToDtoAsync(CaseContext cases, SlaPolicy p, CancellationToken ct) => new(
        p.Id, p.BranchId is { } b ? (await cases.BranchAsync(b, ct))?.Branch.Code : null, p.Priority, p.Category, p.Segment,
        p.FirstResponseMinutes, p.NextResponseMinutes, p.ResolutionMinutes, p.WarnAtPercent);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
