using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Realtime;

namespace Touchpoint.Server.Features.CaseWorkspace;

/// <param name="State">viewing, typing or left.</param>
/// <param name="Tab">An id the page makes up when it opens the case, so colleagues can order its announcements.</param>
/// <param name="Seq">The page's count of its announcements: requests can overtake each other on the way to the server,
/// and a heartbeat sent just before "left" must not bring back a colleague who has gone.</param>
public sealed record CasePresenceRequest(string? State, string? Tab = null, long? Seq = null);

/// <summary>
/// Who else is on a case, live. The server keeps no presence state: each open case page announces itself (viewing,
/// typing, left) every few seconds and on change, the announcement goes out as a realtime event through the same
/// publisher as every other event (so it crosses nodes on PostgreSQL), and pages forget a colleague they have not heard
/// from for <see cref="ExpiresAfterSeconds"/>: a closed laptop or lost network expires by itself.
/// </summary>
public static class CasePresence
{
    public const string Event = "case.presence";
    public const int HeartbeatSeconds = 10;
    public const int ExpiresAfterSeconds = 30;
    public const int TabMaxLength = 64;
    public static readonly IReadOnlyList<string> States = ["viewing", "typing", "left"];

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Announce(
        Guid id, CasePresenceRequest r, ClaimsPrincipal user, CaseContext cases, IRealtimePublisher realtime, CancellationToken ct)
    {
        var invalid = new Validation();
        if (r.State is null || !States.Contains(r.State)) invalid.Add("state", "validation.oneOf", string.Join(", ", States));
        invalid.MaxLength("tab", r.Tab, TabMaxLength);
        if (r.Seq is < 0) invalid.Add("seq", "validation.range", 0, long.MaxValue);
        if (!invalid.IsValid) return invalid.Problem();
        var (c, branch, problem) = await cases.FindAsync(id, user, ct);
        if (c is null) return problem!;
        if (user.UserId() is not { } userId) return Problems.Forbidden();
        var code = branch!.Branch.Code;
        // The case id is named caseId (not id) so pages do not take a presence ping for a change to the case.
        await realtime.PublishAsync(new RealtimeEvent(Event, code.ToUpperInvariant(), System.Text.Json.JsonSerializer.SerializeToNode(new
        {
            caseId = c.Id, userId, name = user.FindFirstValue(TouchpointClaims.DisplayName) ?? user.ActorName(), state = r.State,
            tab = r.Tab, seq = r.Seq, expiresInSeconds = ExpiresAfterSeconds,
        }, Queue.QueueContext.EventJson)), [RealtimeGroups.Branch(code), RealtimeGroups.AllBranches], ct);
        return TypedResults.NoContent();
    }
}
