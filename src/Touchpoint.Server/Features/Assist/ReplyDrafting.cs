using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Localization;
using Touchpoint.Server.Platform.Privacy;

namespace Touchpoint.Server.Features.Assist;

/// <summary>An OpenAI-compatible chat completions endpoint (<c>Assist__LlmUrl</c>, <c>Assist__LlmKey</c>, <c>Assist__LlmModel</c>).</summary>
public sealed record LlmOptions(Uri? Url, string? Key, string Model)
{
    public bool Configured => Url is not null;

    public static LlmOptions Read(IConfiguration config) => new(
        config["Assist:LlmUrl"] is { Length: > 0 } url ? new Uri(url.TrimEnd('/') + "/") : null, config["Assist:LlmKey"],
        config["Assist:LlmModel"] is { Length: > 0 } model ? model : "default");
}

public sealed record DraftReplyRequest(Guid? CaseId);
public sealed record DraftReplyResponse(string Draft, ReplyCheckResult Check);

/// <summary>
/// Optional: drafts a reply to a case with a language model behind an OpenAI-compatible API, when one is configured.
/// Nothing depends on it. The model sees the case's subject and the public thread, with the customer's name masked and
/// no contact details; it is told the rules the reply check applies, and its draft is checked like a person's.
/// </summary>
public static class ReplyDrafting
{
    public const string HttpClientName = "assist-llm";

    public static async Task<Results<Ok<DraftReplyResponse>, ValidationProblem, ProblemHttpResult>> Draft(
        DraftReplyRequest r, ClaimsPrincipal user, CaseContext cases, LlmOptions options, IHttpClientFactory http, ILogger<DraftReplyRequest> logger,
        CancellationToken ct)
    {
        if (!options.Configured) return Problems.Result(StatusCodes.Status404NotFound, "assist.llmOffTitle", "assist.llmOff");
        if (r.CaseId is not { } caseId) return new Validation().Add("caseId", "validation.required").Problem();
        var (c, _, problem) = await cases.FindAsync(caseId, user, ct);
        if (c is null) return problem!;
        var thread = await cases.Db.CaseMessages.AsNoTracking().Where(m => m.CaseId == caseId && m.Visibility == CaseMessageVisibility.Public)
            .OrderBy(m => m.CreatedAt).Select(m => new { m.Direction, m.Body }).ToListAsync(ct);
        var language = Languages.Normalize(c.Language);
        var messages = new JsonArray
        {
            new JsonObject { ["role"] = "system", ["content"] = Instructions(language) },
            new JsonObject { ["role"] = "user", ["content"] = $"Customer: {Masks.ShortName(c.CustomerName)}\nSubject: {c.Subject}\n{c.Description}" },
        };
        foreach (var m in thread)
            messages.Add(new JsonObject { ["role"] = m.Direction == CaseMessageDirections.Inbound ? "user" : "assistant", ["content"] = m.Body });

        var client = http.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Url!, "chat/completions"))
        {
            Content = JsonContent.Create(new JsonObject { ["model"] = options.Model, ["messages"] = messages, ["temperature"] = 0.3 }),
        };
        if (options.Key is { Length: > 0 } key) request.Headers.Authorization = new("Bearer", key);
        try
        {
            using var response = await client.SendAsync(request, ct);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonNode>(ct);
            var draft = body?["choices"]?[0]?["message"]?["content"]?.GetValue<string>()?.Trim();
            if (string.IsNullOrEmpty(draft)) throw new InvalidDataException("no choices[0].message.content");
            return TypedResults.Ok(new DraftReplyResponse(draft, ReplyCheck.Check(draft, language, customerUpset: false)));
        }
        catch (Exception e) when (e is HttpRequestException or InvalidDataException or System.Text.Json.JsonException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("Reply draft failed: {Error}", e.Message);
            return Problems.Result(StatusCodes.Status502BadGateway, "assist.llmFailedTitle", "assist.llmFailed");
        }
    }

    /// <summary>What the seeds teach, as an instruction, in the language the reply is to be written in.</summary>
    private static string Instructions(string language) =>
        "You are drafting a reply for a customer service agent. Write in " + language + ". Be brief and polite. "
        + "Acknowledge the customer's feelings, say what can be done and when (\"we can arrange it on Wednesday\", never \"we can't on Monday\"), "
        + "never blame the customer, and end by checking the reply answers them. Do not invent facts, amounts or dates that are not in the conversation.";
}
