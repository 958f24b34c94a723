using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Server.Features.Encounters;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Privacy;
using Touchpoint.Server.Platform.Realtime;

namespace Touchpoint.Server.Features.CaseWorkspace;

/// <param name="Event">callStarted, callAnswered or callEnded.</param>
/// <param name="StaffUser">The staff member's user name; or <paramref name="Extension"/>, looked up in the extension table.</param>
public sealed record TelephonyEventRequest(
    string? Event, string? CallId, string? CallerNumber, string? CalledNumber, string? Extension, string? StaffUser, string? Branch);
/// <param name="CallerNumber">Masked unless the caller may reveal customers' personal data.</param>
public sealed record PhoneCallDto(
    Guid Id, string CallId, string Status, string? CallerNumber, string? CalledNumber, Guid? StaffUserId, Guid? CustomerId, string? CustomerName,
    DateTime StartedAt, DateTime? AnsweredAt, DateTime? EndedAt, Guid? EncounterId);
/// <summary>What the telephony system hears back: no customer data, which is for the staff member's screen only.</summary>
public sealed record TelephonyEventReply(string CallId, string Status);

/// <summary>
/// <c>POST /api/channels/telephony/events</c>: a telephony system (PBX or cloud call centre) reports calls with an API
/// token of scope channels.telephony. On start or answer the staff member's browser is told (the screen pops the
/// caller's profile, or a "new caller" prompt: the caller is matched by phone, never created); on end the call is
/// logged as a phone encounter for staff to complete.
/// </summary>
public static class TelephonyWebhook
{
    public const string RingingEvent = "phone.ringing";
    public const string EndedEvent = "phone.ended";
    public static readonly IReadOnlyList<string> Events = ["callStarted", "callAnswered", "callEnded"];

    public static async Task<Results<Ok<TelephonyEventReply>, ValidationProblem, ProblemHttpResult>> Receive(
        TelephonyEventRequest r, ClaimsPrincipal user, CaseContext cases, UserAccessCache accessCache, IRealtimePublisher realtime, CancellationToken ct)
    {
        var v = new Validation();
        if (r.Event is null || !Events.Contains(r.Event)) v.Add("event", "validation.oneOf", string.Join(", ", Events));
        v.Required("callId", r.CallId, 128);
        v.MaxLength("callerNumber", r.CallerNumber, 32);
        v.MaxLength("calledNumber", r.CalledNumber, 32);
        v.MaxLength("extension", r.Extension, 32);
        v.MaxLength("staffUser", r.StaffUser, 64);
        var (branch, branchError) = await cases.ChooseBranchAsync(r.Branch, user, ct);
        if (branch is null) v.Add("branch", branchError!, r.Branch ?? "");
        if (!v.IsValid) return v.Problem();

        var db = cases.Db;
        var staff = await StaffAsync(db, accessCache, r, ct);
        var staffField = r.StaffUser is null ? "extension" : "staffUser";
        if ((r.StaffUser is not null || r.Extension is not null) && staff is null) return v.Add(staffField, "telephony.unknownStaff").Problem();
        // The screen pop carries the caller's profile: only to someone who works in the call's branch.
        if (staff is not null && !staff.Permissions.Contains(Permissions.BranchesAll) && !staff.BranchCodes.Contains(branch!.Branch.Code))
            return v.Add(staffField, "telephony.staffNotInBranch", branch.Branch.Code).Problem();
        var now = cases.Now;
        var call = await db.PhoneCalls.FirstOrDefaultAsync(c => c.CallId == r.CallId, ct);
        if (call is null)
        {
            if (r.Event != "callStarted" && r.Event != "callAnswered") return v.Add("callId", "telephony.unknownCall").Problem();
            call = new PhoneCall
            {
                BranchId = branch!.Branch.Id, CallId = r.CallId!, CallerNumber = Blank(r.CallerNumber), CalledNumber = Blank(r.CalledNumber),
                Status = "ringing", StartedAt = now, CustomerId = await MatchCallerAsync(db, r.CallerNumber, ct),
            };
            db.PhoneCalls.Add(call);
        }
        else if (call.BranchId != branch!.Branch.Id) return Problems.NotFound();
        if (call.Status == "ended") return r.Event == "callEnded" ? TypedResults.Ok(new TelephonyEventReply(call.CallId, call.Status))
            : Problems.Result(StatusCodes.Status409Conflict, "problem.conflict", "telephony.ended");
        if (staff is not null) call.StaffUserId = staff.Id;

        switch (r.Event)
        {
            case "callAnswered":
                call.Status = "answered";
                call.AnsweredAt ??= now;
                break;
            case "callEnded":
                call.Status = "ended";
                call.EndedAt = now;
                // A call nobody answered is a missed call, not an encounter.
                if (call.AnsweredAt is { } answered)
                {
                    var encounter = new Encounter
                    {
                        BranchId = call.BranchId, Channel = "phone", Mode = EncounterChannels.ModeOf("phone"), StaffUserId = call.StaffUserId,
                        CustomerId = call.CustomerId, StartedAt = answered, EndedAt = now, Outcome = EncounterOutcomes.Resolved,
                    };
                    db.Encounters.Add(encounter);
                    call.EncounterId = encounter.Id;
                }
                break;
        }
        await db.SaveChangesAsync(ct);

        if (call.StaffUserId is { } staffId)
        {
            var access = staff?.Id == staffId ? staff : await accessCache.GetAsync(staffId, ct);
            var dto = await ToDtoAsync(db, call, access?.Permissions.Contains(Permissions.CustomersReveal) == true, ct);
            await realtime.PublishAsync(new RealtimeEvent(r.Event == "callEnded" ? EndedEvent : RingingEvent, branch.Branch.Code,
                JsonSerializer.SerializeToNode(dto, Queue.QueueContext.EventJson)), [RealtimeGroups.User(staffId)], ct);
        }
        return TypedResults.Ok(new TelephonyEventReply(call.CallId, call.Status));
    }

    /// <summary>
    /// The matcher's exact match first. Telephony systems often send the national form (13912345678, 07700 900123) of
    /// a number stored with its country code (+8613912345678): then an active profile whose number ends with the
    /// national digits (trunk zeros dropped, at least eight) is taken, the most recently seen first.
    /// </summary>
    private static async Task<Guid?> MatchCallerAsync(Platform.Data.TouchpointDb db, string? number, CancellationToken ct)
    {
        if (await CustomerMatcher.FindByPhoneAsync(db, number, ct) is { } exact) return exact;
        if (PersonalData.NormalizePhone(number) is not { } normalized || normalized.StartsWith('+')) return null;
        var national = normalized.TrimStart('0');
        if (national.Length < 8) return null;
        var suffix = national;
        return await db.CustomerContacts.Where(x => x.Kind == ContactKinds.Phone && x.Value.StartsWith("+") && x.Value.EndsWith(suffix))
            .Join(db.Customers.Where(c => c.Status == CustomerStatuses.Active), x => x.CustomerId, c => c.Id, (x, c) => c)
            .OrderByDescending(c => c.LastSeenAt ?? c.CreatedAt).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
    }

    private static async Task<UserAccess?> StaffAsync(
        Platform.Data.TouchpointDb db, UserAccessCache accessCache, TelephonyEventRequest r, CancellationToken ct)
    {
        Guid? id = null;
        if (!string.IsNullOrWhiteSpace(r.StaffUser))
        {
            var normalized = User.Normalize(r.StaffUser);
            id = await db.Users.Where(u => u.NormalizedUserName == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        }
        else if (!string.IsNullOrWhiteSpace(r.Extension))
            id = await db.PhoneExtensions.Where(x => x.Extension == r.Extension.Trim()).Select(x => (Guid?)x.UserId).FirstOrDefaultAsync(ct);
        if (id is null) return null;
        var access = await accessCache.GetAsync(id.Value, ct);
        return access is { IsActive: true } ? access : null;
    }

    public static async Task<PhoneCallDto> ToDtoAsync(Platform.Data.TouchpointDb db, PhoneCall c, bool reveal, CancellationToken ct)
    {
        var name = c.CustomerId is { } id ? await db.Customers.Where(x => x.Id == id).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        return new PhoneCallDto(c.Id, c.CallId, c.Status, Mask(c.CallerNumber, reveal), c.CalledNumber, c.StaffUserId, c.CustomerId,
            name is null ? null : reveal ? name : Masks.ShortName(name), c.StartedAt, c.AnsweredAt, c.EndedAt, c.EncounterId);
    }

    private static string? Mask(string? phone, bool reveal) => phone is null || reveal ? phone : Masks.Phone(phone);
    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
