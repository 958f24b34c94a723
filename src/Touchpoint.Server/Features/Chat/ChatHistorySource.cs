using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Chat;

/// <summary>
/// The chat's part of a customer's history. The timeline shows chats through their encounters (written when a chat
/// ends), so this source adds no lines of its own; it moves conversations on a merge and removes what the visitor and
/// staff wrote on an erasure (times, states and the line count stay, so reports still add up).
/// </summary>
public sealed class ChatHistorySource : ICustomerTimelineSource
{
    public const string ErasedText = "—";

    public async Task<IReadOnlyDictionary<string, int>> MoveAsync(TouchpointDb db, Guid from, Guid to, CancellationToken ct) =>
        new Dictionary<string, int>
        {
            ["chats"] = await db.ChatConversations.Where(c => c.CustomerId == from).ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerId, to), ct),
        };

    public async Task EraseAsync(TouchpointDb db, Guid customerId, CancellationToken ct)
    {
        var ids = db.ChatConversations.Where(c => c.CustomerId == customerId).Select(c => c.Id);
        await db.ChatMessages.Where(m => ids.Contains(m.ConversationId))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Body, ErasedText).SetProperty(m => m.AuthorName, m => m.Sender == ChatSenders.Visitor ? null : m.AuthorName), ct);
        await db.ChatConversations.Where(c => c.CustomerId == customerId).ExecuteUpdateAsync(s => s.SetProperty(c => c.VisitorName, (string?)null)
            .SetProperty(c => c.VisitorEmail, (string?)null).SetProperty(c => c.PageUrl, (string?)null).SetProperty(c => c.ExternalUserId, (string?)null), ct);
    }
}
