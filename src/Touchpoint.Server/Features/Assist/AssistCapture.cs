using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Features.Encounters;
using Touchpoint.Server.Features.Feedback;

namespace Touchpoint.Server.Features.Assist;

/// <summary>
/// Puts every new customer text in the analysis queue in the same SaveChanges (and transaction) that stores it: a
/// case's subject and description, an inbound public case message (email, chat, messaging, whichever channel adds it),
/// an encounter's summary, a survey comment. Doing it here rather than in each endpoint means a channel added later is analysed too, and
/// no text is stored without its pending row. The analysis itself runs in <see cref="AssistQueue"/>, off the request.
/// </summary>
public sealed class AssistCapture(AssistQueue queue, TimeProvider clock, AssistOptions options) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Capture(DbContext? context)
    {
        if (context is null || !options.Enabled) return;
        List<TextAnalysis>? added = null;
        HashSet<Guid>? casesWithInboundMessage = null;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Added) continue;
            switch (entry.Entity)
            {
                case CaseMessage m when IsCustomerText(m):
                    (added ??= []).Add(new TextAnalysis { OwnerKind = AssistOwners.Message, OwnerId = m.Id, CaseId = m.CaseId, CreatedAt = m.CreatedAt });
                    (casesWithInboundMessage ??= []).Add(m.CaseId);
                    break;
                case SupportCase c:
                    (added ??= []).Add(new TextAnalysis { OwnerKind = AssistOwners.Case, OwnerId = c.Id, CaseId = c.Id, CreatedAt = c.CreatedAt });
                    break;
                case Encounter e when !string.IsNullOrWhiteSpace(e.Summary):
                    (added ??= []).Add(new TextAnalysis { OwnerKind = AssistOwners.Encounter, OwnerId = e.Id, CaseId = e.CaseId, CreatedAt = now });
                    break;
                // A comment is measured (its sentiment and topic in the feedback summary), never routed or escalated: no case.
                case SurveyAnswer a when !string.IsNullOrWhiteSpace(a.Text):
                    (added ??= []).Add(new TextAnalysis { OwnerKind = AssistOwners.SurveyComment, OwnerId = a.Id, CreatedAt = now });
                    break;
            }
        }
        if (added is null) return;
        foreach (var a in added)
        {
            // A case opened by an email carries the same words in its first message: analyse them once, as the message.
            if (a.OwnerKind == AssistOwners.Case && casesWithInboundMessage?.Contains(a.OwnerId) == true) continue;
            context.Add(a);
        }
        queue.Wake();
    }

    public static bool IsCustomerText(CaseMessage m) =>
        m.Direction == CaseMessageDirections.Inbound && m.Visibility == CaseMessageVisibility.Public && !string.IsNullOrWhiteSpace(m.Body);
}
