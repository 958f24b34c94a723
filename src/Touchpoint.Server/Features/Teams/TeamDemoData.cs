using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Teams;

/// <summary>
/// Two teams in each demo branch, named in the branch's language: card matters with the front line and the back
/// office, and customer care (complaints) with the supervisor and the back office. The demo cases of those categories
/// are theirs. Runs before the demo's last save, on the cases still waiting in the context.
/// </summary>
public static class TeamDemoData
{
    private sealed record DemoTeam(string Category, string[] Members, Dictionary<string, string> NameByBranch);

    private static readonly DemoTeam[] Teams =
    [
        new("cards", ["frontline", "backoffice"], new()
        {
            ["SH"] = "银行卡小组", ["TPE"] = "信用卡小組", ["SEL"] = "카드팀", ["LON"] = "Cards and payments",
        }),
        new("complaint", ["supervisor", "backoffice"], new()
        {
            ["SH"] = "客户关怀小组", ["TPE"] = "客戶關懷小組", ["SEL"] = "고객케어팀", ["LON"] = "Customer care",
        }),
    ];

    public static async Task AddAsync(TouchpointDb db, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var branches = await db.Branches.AsNoTracking().Select(b => new { b.Id, b.Code }).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.NormalizedUserName }).ToDictionaryAsync(u => u.NormalizedUserName, u => u.Id, ct);
        var byBranchAndCategory = new Dictionary<(Guid, string), Team>();
        foreach (var branch in branches)
        {
            foreach (var demo in Teams)
            {
                if (!demo.NameByBranch.TryGetValue(branch.Code, out var name)) continue;
                var team = new Team { BranchId = branch.Id, Name = name, CreatedAt = now, UpdatedAt = now };
                db.Teams.Add(team);
                foreach (var suffix in demo.Members)
                    if (users.TryGetValue($"{branch.Code.ToLowerInvariant()}.{suffix}", out var userId))
                        db.TeamMembers.Add(new TeamMember { TeamId = team.Id, UserId = userId, AddedAt = now });
                byBranchAndCategory[(branch.Id, demo.Category)] = team;
            }
        }
        foreach (var entry in db.ChangeTracker.Entries<SupportCase>().Where(e => e.State == EntityState.Added))
            if (entry.Entity.Category is { } category && byBranchAndCategory.TryGetValue((entry.Entity.BranchId, category), out var team))
                entry.Entity.SetTeam(team);
    }
}
