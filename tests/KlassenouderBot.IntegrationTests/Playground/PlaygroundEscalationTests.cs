using System.Net;
using System.Net.Http.Json;
using System.Text;
using KlassenouderBot.Moderation;
using KlassenouderBot.Playground;

namespace KlassenouderBot.IntegrationTests.Playground;

/// <summary>The real engine behind the playground: what two hurtful messages in a row do to each panel.</summary>
public sealed class PlaygroundEscalationTests
{
    private const string Insult = "Die juf is een kankerjuf";
    private const string PileOn = "Precies, wat een trut is het, wie doet er mee met een brief dat ze weg moet?";

    [Fact]
    public async Task PostMessage_TwoParentsHurtful_EscalatesNudgesAlertsAndKeepsTheGroupMessageNeutral()
    {
        await using var app = new PlaygroundApplication();
        using var client = app.CreateClient();

        await Say(client, "Mark", Insult);
        var state = await Say(client, "Ilse", PileOn);

        state.EscalationLevel.Should().Be("escalated");
        state.PrivateMessages.Single(p => p.Name == "Mark").Messages.Should().Contain(m => m.Kind == "nudge");
        state.ClassParent.Should().NotBeNull();
        state.Alerts.Should().NotBeEmpty().And.OnlyContain(a => a.Kind == "alert" && a.To == state.ClassParent);
        state.BotMessages.Should().NotBeEmpty();
        foreach (var text in state.BotMessages.Select(m => m.Text))
        {
            text.Should().NotContainAny("Mark", "Ilse");
            text.ToLowerInvariant().Should().NotContainAny("kanker", "trut", "brief dat ze weg moet");
        }
    }

    [Fact]
    public async Task ResetRoom_AfterEscalation_StartsCalm()
    {
        await using var app = new PlaygroundApplication();
        using var client = app.CreateClient();
        await Say(client, "Mark", Insult);
        await Say(client, "Ilse", PileOn);

        var response = await client.PostAsync(new Uri("/playground/api/rooms/groep-5/reset", UriKind.Relative), null);

        var state = await response.Content.ReadFromJsonAsync(PlaygroundJsonContext.Default.PlaygroundState);
        state!.EscalationLevel.Should().Be("calm");
        state.Messages.Should().BeEmpty();
    }

    [Fact]
    public async Task LevelName_EveryLevel_IsAKeyOfThePagesLevelsTable()
    {
        await using var app = new PlaygroundApplication();
        using var client = app.CreateClient();

        var script = await client.GetStringAsync(new Uri("/playground/playground.js", UriKind.Relative));

        foreach (var level in Enum.GetValues<EscalationLevel>())
        {
            script.Should().Contain($"{PlaygroundStateFactory.LevelName(level)}: \"");
        }
    }

    private static async Task<PlaygroundState> Say(HttpClient client, string author, string text)
    {
        var body = System.Text.Json.JsonSerializer.Serialize(new PostMessageRequest("groep-5", author, text, null), PlaygroundJsonContext.Default.PostMessageRequest);
        var response = await client.PostAsync(new Uri("/playground/api/messages", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync(PlaygroundJsonContext.Default.PlaygroundState))!;
    }
}
