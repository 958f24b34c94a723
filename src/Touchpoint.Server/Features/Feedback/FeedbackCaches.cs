using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Feedback;

/// <summary>
/// Settings and templates are read on every ticket completed and every survey opened and change rarely: each node
/// keeps them for a few seconds, and a change on this node empties its copy at once.
/// </summary>
public sealed class FeedbackCaches(TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<Guid, (FeedbackSettings Settings, long At)> settings = new();
    private sealed record TemplateSnapshot(IReadOnlyList<SurveyTemplate> Templates, long At);
    private volatile TemplateSnapshot? templates;

    public async Task<FeedbackSettings> SettingsAsync(TouchpointDb db, Guid branchId, CancellationToken ct)
    {
        if (settings.TryGetValue(branchId, out var c) && clock.GetElapsedTime(c.At) < MaxAge) return c.Settings;
        var at = clock.GetTimestamp();
        var s = await db.FeedbackSettings.AsNoTracking().FirstOrDefaultAsync(x => x.BranchId == branchId, ct) ?? new FeedbackSettings { BranchId = branchId };
        settings[branchId] = (s, at);
        return s;
    }

    public async Task<IReadOnlyList<SurveyTemplate>> TemplatesAsync(TouchpointDb db, CancellationToken ct)
    {
        if (templates is { } t && clock.GetElapsedTime(t.At) < MaxAge) return t.Templates;
        var at = clock.GetTimestamp();
        var list = await db.SurveyTemplates.AsNoTracking().ToListAsync(ct);
        templates = new TemplateSnapshot(list, at);
        return list;
    }

    public async Task<SurveyTemplate?> TemplateAsync(TouchpointDb db, string code, CancellationToken ct) =>
        (await TemplatesAsync(db, ct)).FirstOrDefault(t => t.Code == code && t.IsActive);

    public async Task<SurveyTemplate?> TemplateAsync(TouchpointDb db, Guid id, CancellationToken ct) =>
        (await TemplatesAsync(db, ct)).FirstOrDefault(t => t.Id == id)
        ?? await db.SurveyTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);

    public void Invalidate()
    {
        settings.Clear();
        templates = null;
    }
}
