using KlassenouderBot.IntegrationTests.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KlassenouderBot.IntegrationTests.Data;

/// <summary>
/// Two instances of the real app on loopback, one PostgreSQL, one fake Bot Connector: a class chat whose
/// messages land on either instance is judged as one conversation, and a redelivery to the other instance is
/// handled once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ScaleOutTests : PostgresSchemaTest
{
    [PostgresFact]
    public async Task TwoInstances_PileOnSplitOverBoth_OneEscalationAndEachAlertOnce()
    {
        await using var first = await TeamsTestHost.StartAsync(settings: Settings(shared: null));
        await using var second = await first.StartAnotherInstanceAsync();

        await PileOnAsync(first, second);

        var naima = await first.WaitForPersonalConversationAsync(TeamsTestData.Naima);
        await first.Connector.WaitForAsync(r => r.IsActivityWriteTo(naima) && r.Succeeded);
        await first.SendBarrierAsync();
        await second.SendBarrierAsync();
        first.Connector.Requests.Count(r => r.IsActivityWriteTo(naima) && r.Succeeded).Should().Be(1, "one alert, although two instances saw the chat");
        await using var db = await first.App.Services.GetRequiredService<IDbContextFactory<KlassenouderBot.Data.BotDbContext>>().CreateDbContextAsync();
        var alerts = await db.Alerts.AsNoTracking().Where(a => a.ConversationKey == "Teams:" + TeamsTestData.GroupChatId).ToListAsync();
        alerts.Should().NotBeEmpty();
        alerts.GroupBy(a => a.RecipientLabel).Should().OnlyContain(g => g.Count() == 1, "every recipient is alerted once");
        var nudges = await db.Interventions.AsNoTracking().CountAsync(i => i.ConversationKey == "Teams:" + TeamsTestData.GroupChatId && i.Kind == KlassenouderBot.Moderation.InterventionKind.PrivateNudge);
        nudges.Should().Be(2, "Mark and Ilse are each nudged once, the redelivered message is not handled again");
    }

    [PostgresFact]
    public async Task TwoInstances_EachWithItsOwnMemory_MissTheEscalation()
    {
        // The control for the test above: without the shared state neither instance sees two parents.
        await using var first = await TeamsTestHost.StartAsync(settings: Settings(shared: false));
        await using var second = await first.StartAnotherInstanceAsync();

        await PileOnAsync(first, second);

        await first.SendBarrierAsync();
        await second.SendBarrierAsync();
        first.Connector.Requests.Should().NotContain(r => r.IsCreateConversationWith(TeamsTestData.Naima.Id));
    }

    /// <summary>Mark's insult reaches the first instance; Ilse's pile-on the second, and is then redelivered to the first.</summary>
    private static async Task PileOnAsync(TeamsTestHost first, TeamsTestHost second)
    {
        (await first.PostAsync(first.Activities.GroupMessage(TeamsTestData.Mark, TeamsTestData.Insult, timestamp: TeamsTestData.Afternoon()))).EnsureSuccessStatusCode();
        await first.WaitForPrivateMessageAsync(TeamsTestData.Mark);

        var pileOn = second.Activities.GroupMessage(TeamsTestData.Ilse, TeamsTestData.PileOn, timestamp: TeamsTestData.Afternoon(TimeSpan.FromMinutes(1)));
        (await second.PostAsync(pileOn)).EnsureSuccessStatusCode();
        await second.WaitForPrivateMessageAsync(TeamsTestData.Ilse);
        (await first.PostAsync(pileOn)).EnsureSuccessStatusCode();
    }

    private Dictionary<string, string?> Settings(bool? shared) => new()
    {
        ["Storage:Provider"] = "Postgres",
        ["ConnectionStrings:KlassenouderBot"] = Database.ConnectionString,
        ["Storage:SharedConversationState"] = shared?.ToString(),
    };
}
