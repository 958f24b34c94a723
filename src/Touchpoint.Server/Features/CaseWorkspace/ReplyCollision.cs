using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;

namespace Touchpoint.Server.Features.CaseWorkspace;

/// <summary>
/// Collision detection when sending: a client that says when it last read the thread (<c>seenAt</c>, the newest message
/// time it showed) is told with 409, and the new messages, when someone else wrote since, unless it confirms.
/// Clients that do not send <c>seenAt</c> are not checked (API callers, older pages).
/// </summary>
public static class ReplyCollision
{
    public static async Task<ProblemHttpResult?> CheckAsync(
        CaseContext cases, SupportCase c, DateTime? seenAt, bool confirm, ClaimsPrincipal user, CancellationToken ct)
    {
        if (seenAt is not { } seen || confirm) return null;
        var me = user.UserId();
        var since = seen.ToUniversalTime();
        var newer = await cases.Db.CaseMessages.AsNoTracking()
            .Where(m => m.CaseId == c.Id && m.CreatedAt > since && (m.AuthorUserId == null || m.AuthorUserId != me))
            .OrderBy(m => m.CreatedAt)
            .Select(m => new CaseMessageDto(m.Id, m.Visibility, m.Direction, m.AuthorName, m.Body, m.CreatedAt)).ToListAsync(ct);
        if (newer.Count == 0) return null;
        var problem = Problems.Create(StatusCodes.Status409Conflict, "cases.conflictTitle", "workspace.repliedMeanwhile", newer.Count);
        problem.Extensions["messages"] = newer;
        return TypedResults.Problem(problem);
    }
}
