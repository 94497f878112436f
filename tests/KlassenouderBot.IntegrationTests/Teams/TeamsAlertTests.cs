using System.Net;
using System.Text.Json.Nodes;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.IntegrationTests.Teams.Fakes;

namespace KlassenouderBot.IntegrationTests.Teams;

/// <summary>
/// Escalation in the linked groep 5 chat: the klassenouder gets an Adaptive Card in a 1:1 chat, and what
/// she does with it (Universal Action, or the Action.Submit fallback) reaches the database and the card.
/// </summary>
public sealed class TeamsAlertTests
{
    private const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
    private static readonly TeamsMember Naima = TeamsTestData.Naima;

    [Fact]
    public async Task PostMessages_ParentsPileOnInTheLinkedChat_KlassenouderGetsAnAlertCardInAPersonalChat()
    {
        await using var host = await TeamsTestHost.StartAsync();

        await EscalateAsync(host);

        var card = await WaitForAlertCardAsync(host);
        host.Connector.Requests.Should().Contain(
            r => r.IsRosterRead && r.ConversationId == TeamsTestData.GroupChatId && r.Sequence < card.Request.Sequence,
            "the klassenouder is found in the group chat's roster");
        var text = AllText(card.Card);
        text.Should().Contain("Ik pak het op").And.Contain("Geen probleem");
        text.ToLowerInvariant().Should().NotContainAny(TeamsTestData.HurtfulWords, "alerts describe, they do not quote");

        var alertIds = new List<Guid>();
        foreach (var verb in new[] { "claim", "false_alarm" })
        {
            var action = card.Action(verb);
            Guid.TryParse(RecordedRequest.StringAt(action["data"]?["alertId"]), out var alertId).Should().BeTrue($"the {verb} action carries the alert id");
            alertIds.Add(alertId);
            var fallback = action["fallback"].Should().BeOfType<JsonObject>().Subject;
            RecordedRequest.StringAt(fallback["type"]).Should().Be("Action.Submit");
            RecordedRequest.StringAt(fallback["data"]?["alertId"]).Should().Be(alertId.ToString());
            RecordedRequest.StringAt(fallback["data"]?["verb"]).Should().Be(verb);
        }

        alertIds.Distinct().Should().ContainSingle("both buttons act on the same alert");
        var stored = await host.WaitForAlertAsync(a => a.Id == alertIds[0], "the alert behind the card");
        stored.Status.Should().Be(AlertStatus.Open);
        stored.Groep.Should().Be("5");
        host.Connector.Requests.Where(r => r.IsActivityWriteTo(TeamsTestData.GroupChatId))
            .Should().NotContain(r => r.BodyText!.Contains("Ik pak het op"), "alerts never go into the group");
    }

    [Fact]
    public async Task InvokeCardAction_KlassenouderClaims_AnswersWithTheUpdatedCardAndClaimsTheAlert()
    {
        await using var host = await TeamsTestHost.StartAsync();
        await EscalateAsync(host);
        var card = await WaitForAlertCardAsync(host);
        var claim = card.Action("claim");

        var response = await host.PostAsync(host.Activities.CardAction(
            Naima, card.ConversationId, card.ActivityId, TeamsActivities.ExecuteAction("claim", claim["data"], RecordedRequest.StringAt(claim["id"]))));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["statusCode"]!.GetValue<int>().Should().Be(200);
        RecordedRequest.StringAt(body["type"]).Should().Be(AdaptiveCard);
        var updated = AllText(body["value"].Should().BeOfType<JsonObject>().Subject);
        updated.Should().NotContain("Ik pak het op", "the alert is taken").And.Contain("Naima", "the card says who picked it up");
        var alert = await host.WaitForAlertAsync(a => a.Id == card.AlertId && a.Status == AlertStatus.Claimed, "the alert to be claimed");
        alert.HandledBy.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task SubmitCardFallback_KlassenouderSaysFalseAlarm_UpdatesTheCardInPlaceAndMarksTheAlert()
    {
        await using var host = await TeamsTestHost.StartAsync();
        await EscalateAsync(host);
        var card = await WaitForAlertCardAsync(host);
        var fallbackData = card.Action("false_alarm")["fallback"]!["data"]!.AsObject();

        var response = await host.PostAsync(host.Activities.CardSubmit(Naima, card.ConversationId, card.ActivityId, fallbackData));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var update = await host.Connector.WaitForAsync(r =>
            r.Operation == ConnectorOperation.UpdateActivity && r.ConversationId == card.ConversationId && r.ActivityId == card.ActivityId && r.Succeeded);
        AdaptiveCardOf(update).Should().NotBeNull("the card is replaced by an updated card");
        AllText(AdaptiveCardOf(update)!).Should().NotContain("Ik pak het op");
        await host.WaitForAlertAsync(a => a.Id == card.AlertId && a.Status == AlertStatus.FalseAlarm, "the alert to be marked a false alarm");
    }

    [Fact]
    public async Task InvokeCardAction_WithoutAction_Answers200WithABadRequestError()
    {
        await using var host = await TeamsTestHost.StartAsync();

        var response = await host.PostAsync(host.Activities.CardAction(Naima, FakeBotConnector.PersonalConversationId(Naima.Id), replyToId: null, action: null));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["statusCode"]!.GetValue<int>().Should().Be(400);
        RecordedRequest.StringAt(body["type"]).Should().Be("application/vnd.microsoft.error");
    }

    [Fact]
    public async Task Invoke_UnknownName_Returns501()
    {
        await using var host = await TeamsTestHost.StartAsync();

        var response = await host.PostAsync(host.Activities.Invoke(Naima, "klassenouderbot/doesNotExist", new JsonObject(), FakeBotConnector.PersonalConversationId(Naima.Id)));

        response.StatusCode.Should().Be(HttpStatusCode.NotImplemented);
    }

    /// <summary>PlaygroundEscalationTests' script in the groep 5 Teams chat, a minute apart.</summary>
    private static async Task EscalateAsync(TeamsTestHost host)
    {
        var first = await host.PostAsync(host.Activities.GroupMessage(TeamsTestData.Mark, TeamsTestData.Insult, timestamp: TeamsTestData.Afternoon()));
        var second = await host.PostAsync(host.Activities.GroupMessage(TeamsTestData.Ilse, TeamsTestData.PileOn, timestamp: TeamsTestData.Afternoon(TimeSpan.FromMinutes(1))));
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static async Task<AlertCard> WaitForAlertCardAsync(TeamsTestHost host)
    {
        var conversationId = await host.WaitForPersonalConversationAsync(Naima);
        var post = await host.Connector.WaitForAsync(r => r.IsActivityWriteTo(conversationId) && r.Succeeded && AdaptiveCardOf(r) is not null);
        return new AlertCard(conversationId, post.ResponseId!, AdaptiveCardOf(post)!, post);
    }

    /// <summary><c>attachments[0]</c> when it is an Adaptive Card (content as an object, or as a JSON string).</summary>
    private static JsonObject? AdaptiveCardOf(RecordedRequest request)
    {
        if (request.Activity?["attachments"] is not JsonArray { Count: > 0 } attachments
            || attachments[0] is not JsonObject attachment
            || RecordedRequest.StringAt(attachment["contentType"]) != AdaptiveCard)
        {
            return null;
        }

        return attachment["content"] switch
        {
            JsonObject content => content,
            JsonValue value when RecordedRequest.StringAt(value) is { } text => JsonNode.Parse(text) as JsonObject,
            _ => null,
        };
    }

    /// <summary>Every string in the card, so wording checks see titles, text blocks and facts alike.</summary>
    private static string AllText(JsonNode node) => string.Join('\n', Strings(node));

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Strings(p.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when RecordedRequest.StringAt(value) is { } text => [text],
        _ => [],
    };

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject obj => [obj, .. obj.SelectMany(p => Objects(p.Value))],
        JsonArray array => array.SelectMany(Objects),
        _ => [],
    };

    private sealed record AlertCard(string ConversationId, string ActivityId, JsonObject Card, RecordedRequest Request)
    {
        public JsonObject Action(string verb)
        {
            var actions = Objects(Card)
                .Where(o => RecordedRequest.StringAt(o["type"]) == "Action.Execute" && RecordedRequest.StringAt(o["verb"]) == verb)
                .ToList();
            actions.Should().ContainSingle($"the card has one Action.Execute with verb '{verb}'");
            return actions[0];
        }

        public Guid AlertId => Guid.Parse(RecordedRequest.StringAt(Action("claim")["data"]?["alertId"])!);
    }
}
