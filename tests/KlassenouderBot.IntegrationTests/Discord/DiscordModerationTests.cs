using System.Text.Json.Nodes;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.IntegrationTests.Discord.Fakes;
using KlassenouderBot.IntegrationTests.Teams;
using KlassenouderBot.Moderation;

namespace KlassenouderBot.IntegrationTests.Discord;

/// <summary>
/// The moderation flow in Discord, end to end: a hurtful message leads to a private DM (never a post in
/// the channel), an escalating conversation to an alert DM for the klassenouder with working buttons, and
/// Discord's refusals (closed DMs, rate limits) are handled without anything going public or twice.
/// </summary>
public sealed class DiscordModerationTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task HurtfulMessage_InTheLinkedChannel_NudgesTheAuthorByDm_AndPostsNothingInTheChannel()
    {
        await using var host = await DiscordTestHost.StartAsync();

        await host.PostAsync(DiscordTestData.Mark, TeamsTestData.Hurtful);

        var nudge = await host.WaitForDmAsync(DiscordTestData.Mark, Wait);
        host.Discord.Requests.Should().Contain(r => r.Method == "POST" && r.Path == "/users/@me/channels" && r.Body!["recipient_id"]!.GetValue<string>() == DiscordTestData.Mark.Id);
        var content = nudge.Body!["content"]!.GetValue<string>();
        content.ToLowerInvariant().Should().NotContainAny(TeamsTestData.HurtfulWords, "a nudge never quotes the message back");
        nudge.Body["allowed_mentions"]!["parse"]!.AsArray().Should().BeEmpty("the bot never pings anyone");
        nudge.Body["enforce_nonce"]!.GetValue<bool>().Should().BeTrue("a retried send must not post twice");

        await host.SendBarrierAsync();
        host.PostsTo(DiscordTestData.Groep5Channel).Should().BeEmpty("nudges are private");
        var stored = await host.WaitForInterventionAsync(i => i.Kind == InterventionKind.PrivateNudge && i.ConversationKey == $"Discord:{DiscordTestData.Groep5Channel}", "the stored nudge");
        stored.DeliveredAt.Should().NotBeNull();
    }

    [Fact]
    public async Task CalmMessage_AndMessagesFromBots_AreLeftAlone()
    {
        await using var host = await DiscordTestHost.StartAsync();

        await host.PostAsync(DiscordTestData.Mark, TeamsTestData.Calm);
        await host.PostAsync(new DiscordPerson("1300000000000000299", "otherbot", "Other Bot"), TeamsTestData.Hurtful, change: m => m["author"]!["bot"] = true);
        await host.PostAsync(new DiscordPerson(FakeDiscord.BotUserId, "KlassenouderBot", "KlassenouderBot"), TeamsTestData.Hurtful);
        await host.PostAsync(DiscordTestData.Ilse, TeamsTestData.Hurtful, change: m => m["webhook_id"] = "1300000000000000777");

        var barrier = await host.SendBarrierAsync();
        host.Discord.Requests.Where(r => r.Path == "/users/@me/channels").Select(r => r.Body!["recipient_id"]!.GetValue<string>())
            .Should().Equal([barrier.Id], "only the barrier parent wrote something hurtful as a person");
    }

    [Fact]
    public async Task EditedMessage_IsAssessedAgain()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var id = await host.PostAsync(DiscordTestData.Ilse, TeamsTestData.Calm);

        var edit = FakeDiscordEvents.Message(id, DiscordTestData.Groep5Channel, DiscordTestData.GuildId, DiscordTestData.Ilse.Id, DiscordTestData.Ilse.Username, TeamsTestData.Hurtful, globalName: DiscordTestData.Ilse.GlobalName);
        edit["timestamp"] = DiscordTestData.Afternoon();
        edit["edited_timestamp"] = DiscordTestData.Afternoon(2);
        await host.Discord.DispatchAsync("MESSAGE_UPDATE", edit);

        await host.WaitForDmAsync(DiscordTestData.Ilse, Wait);
    }

    [Fact]
    public async Task Escalation_AlertsTheKlassenouderByDm_AndHerButtonClaimsIt()
    {
        await using var host = await DiscordTestHost.StartAsync();

        await EscalateAsync(host);

        var alert = await WaitForAlertDmAsync(host);
        var buttons = alert.Body!["components"]![0]!["components"]!.AsArray();
        buttons.Select(b => b!["label"]!.GetValue<string>()).Should().Equal("Ik pak het op", "Geen probleem");
        var claimId = buttons[0]!["custom_id"]!.GetValue<string>();
        var alertId = Guid.Parse(claimId["alert:claim:".Length..]);
        var embedText = alert.Body["embeds"]!.ToJsonString();
        embedText.Should().Contain("groep 5");
        embedText.ToLowerInvariant().Should().NotContainAny(TeamsTestData.HurtfulWords, "alerts describe, they do not quote");
        host.PostsTo(DiscordTestData.Groep5Channel).Should().NotContain(r => r.Body!.ToJsonString().Contains("Ik pak het op"), "alerts never go into the group");
        (await host.WaitForAlertAsync(a => a.Id == alertId, "the stored alert")).Status.Should().Be(AlertStatus.Open);

        var interactionId = DiscordTestData.NextId();
        var press = FakeDiscordEvents.ButtonInteraction(
            interactionId, "token-claim", claimId, DiscordTestData.Naima.Id, DiscordTestData.Naima.Username, guildId: null, host.Discord.DmChannelIdFor(DiscordTestData.Naima.Id), DiscordTestData.NextId());
        press["user"]!["global_name"] = DiscordTestData.Naima.GlobalName;
        await host.Discord.DispatchAsync("INTERACTION_CREATE", press);

        var callback = await host.Discord.WaitForRequestAsync(r => r.Path == $"/interactions/{interactionId}/token-claim/callback", Wait);
        callback.Headers.ContainsKey("Authorization").Should().BeFalse("the interaction token is the credential");
        callback.Body!["type"]!.GetValue<int>().Should().Be(7, "the alert message is updated in place");
        callback.Body["data"]!["components"]!.AsArray().Should().BeEmpty("once claimed, the buttons go");
        callback.Body["data"]!.ToJsonString().Should().Contain("Opgepakt door");
        var claimed = await host.WaitForAlertAsync(a => a.Id == alertId && a.Status == AlertStatus.Claimed, "the alert to be claimed");
        claimed.HandledBy.Should().Contain("Naima Bouzid", "the name she shows in Discord");
    }

    [Fact]
    public async Task AlertButton_SecondAnswer_DoesNotOverwriteTheFirst()
    {
        await using var host = await DiscordTestHost.StartAsync();
        await EscalateAsync(host);
        var alert = await WaitForAlertDmAsync(host);
        var claimId = alert.Body!["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>();
        var falseAlarmId = alert.Body["components"]![0]!["components"]![1]!["custom_id"]!.GetValue<string>();
        var dm = host.Discord.DmChannelIdFor(DiscordTestData.Naima.Id);

        var first = DiscordTestData.NextId();
        await host.Discord.DispatchAsync("INTERACTION_CREATE", FakeDiscordEvents.ButtonInteraction(first, "t1", claimId, DiscordTestData.Naima.Id, DiscordTestData.Naima.Username, null, dm, DiscordTestData.NextId()));
        await host.Discord.WaitForRequestAsync(r => r.Path == $"/interactions/{first}/t1/callback", Wait);
        var second = DiscordTestData.NextId();
        await host.Discord.DispatchAsync("INTERACTION_CREATE", FakeDiscordEvents.ButtonInteraction(second, "t2", falseAlarmId, DiscordTestData.Naima.Id, DiscordTestData.Naima.Username, null, dm, DiscordTestData.NextId()));
        var answer = await host.Discord.WaitForRequestAsync(r => r.Path == $"/interactions/{second}/t2/callback", Wait);

        answer.Body!["data"]!.ToJsonString().Should().Contain("Opgepakt door", "the first answer stands and is shown");
        var alertId = Guid.Parse(claimId["alert:claim:".Length..]);
        (await host.WaitForAlertAsync(a => a.Id == alertId, "the alert")).Status.Should().Be(AlertStatus.Claimed);
    }

    [Fact]
    public async Task DirectMessagesClosed_NudgeIsNotDelivered_AndNothingIsPostedInTheChannel()
    {
        await using var host = await DiscordTestHost.StartAsync();
        host.Discord.DmClosedUserIds.Add(DiscordTestData.Mark.Id);

        await host.PostAsync(DiscordTestData.Mark, TeamsTestData.Hurtful);

        var stored = await host.WaitForInterventionAsync(
            i => i.Kind == InterventionKind.PrivateNudge && i.FailureReason is not null && i.ConversationKey.Contains(DiscordTestData.Groep5Channel, StringComparison.Ordinal),
            "the undelivered nudge to be stored with its reason");
        stored.FailureReason.Should().Be("direct messages closed");
        stored.DeliveredAt.Should().BeNull();
        host.Discord.Requests.Should().Contain(r => r.Status == 403 && r.Path == $"/channels/{host.Discord.DmChannelIdFor(DiscordTestData.Mark.Id)}/messages");

        await host.SendBarrierAsync();
        host.PostsTo(DiscordTestData.Groep5Channel).Should().BeEmpty("a nudge never falls back to the channel");
    }

    [Fact]
    public async Task RateLimited_WaitsRetryAfter_AndDeliversExactlyOnce()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var dmPath = $"/channels/{host.Discord.DmChannelIdFor(DiscordTestData.Mark.Id)}/messages";
        host.Discord.RespondOnce(
            "POST",
            dmPath,
            429,
            new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = 0.4, ["global"] = false },
            new Dictionary<string, string> { ["Retry-After"] = "1", ["X-RateLimit-Scope"] = "user" });

        await host.PostAsync(DiscordTestData.Mark, TeamsTestData.Hurtful);

        var delivered = await host.WaitForDmAsync(DiscordTestData.Mark, Wait);
        var attempts = host.Discord.Requests.Where(r => r.Path == dmPath).ToList();
        attempts.Select(r => r.Status).Should().Equal(429, 200);
        (attempts[1].At - attempts[0].At).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(350), "the bot waits what Discord asks");
        attempts[1].Body!["nonce"]!.GetValue<string>().Should().Be(attempts[0].Body!["nonce"]!.GetValue<string>(), "the retry is the same message");
        delivered.Status.Should().Be(200);
    }

    private static async Task EscalateAsync(DiscordTestHost host)
    {
        await host.PostAsync(DiscordTestData.Mark, TeamsTestData.Insult);
        await host.PostAsync(DiscordTestData.Ilse, TeamsTestData.PileOn, minute: 1);
    }

    private static async Task<RestRequest> WaitForAlertDmAsync(DiscordTestHost host)
    {
        var path = $"/channels/{host.Discord.DmChannelIdFor(DiscordTestData.Naima.Id)}/messages";
        return await host.Discord.WaitForRequestAsync(r => r.Method == "POST" && r.Path == path && r.Status == 200 && r.Body?["components"] is JsonArray { Count: > 0 }, Wait);
    }
}
