using System.Collections.Concurrent;

namespace Touchpoint.Server.Features.Chat;

/// <summary>
/// Wakes a visitor's long poll on this node as soon as its conversation changes. Changes made on another node reach
/// the poll through its periodic re-read instead (see <see cref="ChatVisitorEndpoints"/>), so no broker is needed.
/// </summary>
public sealed class ChatSignals
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> waiting = new();

    /// <summary>A task that completes at the conversation's next change (take it before reading, to miss nothing).</summary>
    public Task NextChange(Guid conversationId) =>
        waiting.GetOrAdd(conversationId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Notify(Guid conversationId)
    {
        if (waiting.TryRemove(conversationId, out var tcs)) tcs.TrySetResult();
    }
}
