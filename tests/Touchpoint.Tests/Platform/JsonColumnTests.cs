using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Server.Features.Assist;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Platform;

/// <summary>
/// JSON columns compare item by item for lists of strings and score maps (JsonColumns): a change made in place is still
/// saved, and an equal value put in its place is no change.
/// </summary>
public sealed class JsonColumnTests
{
    [Fact]
    public async Task ChangesInPlace_AreSaved_AndEqualValues_AreNoChange()
    {
        using var app = new TouchpointFactory();
        var customer = new Customer { Name = "Freya Clarke", Tags = ["vip"] };
        var analysis = new TextAnalysis { OwnerKind = "case", OwnerId = Guid.CreateVersion7(), Emotions = new() { ["anger"] = 0.5f } };
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TouchpointDb>();
            db.AddRange(customer, analysis);
            await db.SaveChangesAsync();
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TouchpointDb>();
            var c = await db.Customers.SingleAsync(x => x.Id == customer.Id);
            var a = await db.AssistAnalyses.SingleAsync(x => x.OwnerId == analysis.OwnerId);
            c.Tags = ["vip"];
            a.Emotions = new() { ["anger"] = 0.5f };
            db.ChangeTracker.DetectChanges();
            Assert.Equal(EntityState.Unchanged, db.Entry(c).State);
            Assert.Equal(EntityState.Unchanged, db.Entry(a).State);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TouchpointDb>();
            (await db.Customers.SingleAsync(x => x.Id == customer.Id)).Tags.Add("complained");
            (await db.AssistAnalyses.SingleAsync(x => x.OwnerId == analysis.OwnerId)).Emotions["anger"] = 0.75f;
            await db.SaveChangesAsync();
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TouchpointDb>();
            Assert.Equal(["vip", "complained"], (await db.Customers.SingleAsync(x => x.Id == customer.Id)).Tags);
            Assert.Equal(0.75f, (await db.AssistAnalyses.SingleAsync(x => x.OwnerId == analysis.OwnerId)).Emotions["anger"]);
        }
    }
}
