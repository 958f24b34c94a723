using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Feedback;

/// <summary>A branch SH with counters 1 and 2 (PERSONAL), staff at counter 1, and tickets served there.</summary>
public static class FeedbackTestData
{
    public static async Task<HttpClient> BranchAsync(TouchpointFactory app, string code = "SH")
    {
        await app.CreateBranchAsync(code, "PERSONAL");
        var admin = await app.AdminAsync();
        foreach (var n in new[] { 1, 2 })
            await (await admin.PostAsJsonAsync($"/api/branches/{code}/counters", new { number = n, services = new[] { "PERSONAL" } })).ShouldBeAsync(HttpStatusCode.Created);
        var staff = await app.StaffAsync("Frontline", code);
        await (await staff.PostAsync($"/api/branches/{code}/counters/1/open", null)).ShouldBeAsync(HttpStatusCode.OK);
        return staff;
    }

    /// <summary>Issues (in the language, for the customer if given), calls at counter 1 and completes; returns the ticket as its owner's phone reads it.</summary>
    public static async Task<JsonNode> ServeAsync(TouchpointFactory app, HttpClient staff, string language = "en-US", string? customerId = null, string? phone = null)
    {
        var ticket = await (await staff.PostAsJsonAsync("/api/branches/SH/tickets", new { service = "PERSONAL", language, customerId, phone })).JsonAsync(HttpStatusCode.Created);
        await (await staff.PostAsync("/api/branches/SH/counters/1/call-next", null)).ShouldBeAsync(HttpStatusCode.OK);
        await (await staff.PostAsJsonAsync($"/api/tickets/{ticket["id"]}/complete", new { outcome = "resolved" })).ShouldBeAsync(HttpStatusCode.OK);
        return await (await app.CreateClient().GetAsync($"/api/tickets/{ticket["id"]}")).JsonAsync();
    }

    /// <summary>The token from a "/s/{token}" link.</summary>
    public static string Token(JsonNode withSurveyUrl) => withSurveyUrl["surveyUrl"]!.GetValue<string>()["/s/".Length..];

    public static HttpClient Phone(TouchpointFactory app, string language = "en-US")
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    public static Task<HttpResponseMessage> AnswerAsync(HttpClient phone, string token, params object[] answers) =>
        phone.PostAsJsonAsync($"/api/surveys/{token}", new { answers });

    public static async Task<HttpClient> PadAsync(TouchpointFactory app, int counter = 1)
    {
        var admin = await app.AdminAsync();
        var device = await (await admin.PostAsJsonAsync("/api/branches/SH/devices", new { kind = "pad", name = $"Pad {counter}", counterNumber = counter })).JsonAsync(HttpStatusCode.Created);
        var paired = await (await app.CreateClient().PostAsJsonAsync("/api/devices/pair", new { code = device["pairingCode"] })).JsonAsync();
        var pad = app.CreateClient();
        pad.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", paired["token"]!.GetValue<string>());
        return pad;
    }

    public static async Task SettingsAsync(TouchpointFactory app, int throttleDays = 30, int caseSurveyDelayMinutes = 60, bool openFollowUpCase = true,
        int callBackSamplePercent = 5)
    {
        var admin = await app.AdminAsync();
        await (await admin.PutAsJsonAsync("/api/branches/SH/feedback-settings", new
        {
            throttleDays, linkValidDays = 7, caseSurveyDelayMinutes, openFollowUpCase, callBackSamplePercent, callBackMaxAttempts = 2,
            counterTemplate = "counter", caseTemplate = "case", relationshipTemplate = "relationship", phoneTemplate = "phone",
        })).ShouldBeAsync(HttpStatusCode.OK);
    }
}
