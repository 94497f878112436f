using System.Net;
using System.Net.Http.Json;
using System.Text;
using KlassenouderBot.Moderation;
using KlassenouderBot.Pipeline;
using KlassenouderBot.Platforms;
using KlassenouderBot.Playground;
using Microsoft.Extensions.DependencyInjection;

namespace KlassenouderBot.IntegrationTests.Playground;

public sealed class PlaygroundEndpointsTests
{
    [Fact]
    public async Task GetRoot_PlaygroundEnabledByDevelopment_ReturnsThePage()
    {
        await using var app = new PlaygroundApplication();
        using var client = app.CreateClient();

        var response = await client.GetAsync(Url("/"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain("KlassenouderBot").And.Contain("/playground/playground.js");
        (await client.GetAsync(Url("/playground/playground.js"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync(Url("/playground/playground.css"))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task GetRoot_PlaygroundDisabled_Returns404Everywhere()
    {
        await using var app = new PlaygroundApplication(playgroundEnabled: false);
        using var client = app.CreateClient();

        (await client.GetAsync(Url("/"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync(Url("/playground/playground.js"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync(Url("/playground/api/state?room=groep-5"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.PostAsync(Url("/playground/api/messages"), Json("""{"room":"groep-5","author":"Sanne","text":"hoi"}"""))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PostMessage_ValidMessage_AppearsInState()
    {
        await using var app = new PlaygroundApplication();
        using var client = app.CreateClient();

        var response = await client.PostAsync(Url("/playground/api/messages"), Json("""{"room":"groep-5","author":"Sanne","text":"Weet iemand of er morgen gym is?"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var state = await client.GetFromJsonAsync(Url("/playground/api/state?room=groep-5"), PlaygroundJsonContext.Default.PlaygroundState);
        state!.Groep.Should().Be("5");
        state.Participants.Select(p => p.Name).Should().Contain(["Sanne", "Mark", "Kate"]);
        state.Messages.Should().ContainSingle().Which.Should().Match<PlaygroundChatLine>(m => m.Author == "Sanne" && m.Text == "Weet iemand of er morgen gym is?");
        state.EscalationLevel.Should().Be("calm");
    }

    [Fact]
    public async Task PostMessage_QuestionToTheBot_IsAnsweredFromTheSchoolGuide()
    {
        await using var app = new PlaygroundApplication();
        using var client = app.CreateClient();

        var response = await client.PostAsync(Url("/playground/api/messages"), Json("""{"room":"groep-5","author":"Sanne","text":"@KlassenouderBot wanneer is de herfstvakantie?"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var state = await response.Content.ReadFromJsonAsync(PlaygroundJsonContext.Default.PlaygroundState);
        var answer = state!.BotMessages.Should().ContainSingle(m => m.Kind == "faq").Subject;
        answer.Text.Should().Contain("10 oktober").And.Contain("Bron: schoolgids");
    }

    [Fact]
    public async Task PostMessage_TimeOverride_KeepsThatTime()
    {
        await using var app = new PlaygroundApplication();
        using var client = app.CreateClient();

        var response = await client.PostAsync(Url("/playground/api/messages"), Json("""{"room":"groep-5","author":"Mark","text":"Nog even dit...","time":"2026-03-02T23:30:00+01:00"}"""));

        var state = await response.Content.ReadFromJsonAsync(PlaygroundJsonContext.Default.PlaygroundState);
        state!.Messages.Single().Time.Should().Be(new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.FromHours(1)));
    }

    [Theory]
    [InlineData("""{"room":"groep-5","author":"","text":"hoi"}""", "author")]
    [InlineData("""{"room":"groep-5","text":"hoi"}""", "author")]
    [InlineData("""{"room":"groep-5","author":"Sanne","text":"   "}""", "text")]
    [InlineData("""{"room":"groep-99","author":"Sanne","text":"hoi"}""", "groep-99")]
    [InlineData("""{"room":"groep-5","author":"Sanne","text":"hoi","time":"vanavond"}""", "ISO-8601")]
    [InlineData("""{"room":"groep-5","author":"Sanne","text":""", "not valid JSON")]
    [InlineData("""not json at all""", "not valid JSON")]
    [InlineData("", "not valid JSON")]
    [InlineData("null", "JSON object")]
    public async Task PostMessage_BadInput_Returns400ThatSaysWhatToFix(string body, string expectedInDetail)
    {
        await using var app = new PlaygroundApplication();
        using var client = app.CreateClient();

        var response = await client.PostAsync(Url("/playground/api/messages"), Json(body));

        await ShouldBeClearProblem(response, expectedInDetail);
    }

    [Fact]
    public async Task PostMessage_TextOverLimit_Returns400WithTheLimit()
    {
        await using var app = new PlaygroundApplication();
        using var client = app.CreateClient();
        var text = new string('a', PlaygroundEndpoints.MaxTextLength + 1);

        var response = await client.PostAsJsonAsync(Url("/playground/api/messages"), new PostMessageRequest("groep-5", "Sanne", text, null), PlaygroundJsonContext.Default.PostMessageRequest);

        await ShouldBeClearProblem(response, "100");
    }

    [Fact]
    public async Task PostMessage_TextAtLimit_IsAccepted()
    {
        await using var app = new PlaygroundApplication();
        using var client = app.CreateClient();
        var text = new string('a', PlaygroundEndpoints.MaxTextLength);

        var response = await client.PostAsJsonAsync(Url("/playground/api/messages"), new PostMessageRequest("groep-5", "Sanne", text, null), PlaygroundJsonContext.Default.PostMessageRequest);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task GetState_UnknownRoom_Returns400()
    {
        await using var app = new PlaygroundApplication();
        using var client = app.CreateClient();

        await ShouldBeClearProblem(await client.GetAsync(Url("/playground/api/state?room=nope")), "nope");
    }

    [Fact]
    public async Task LinkRoom_NewRoom_CreatesItLinkedToTheGroep()
    {
        await using var app = new PlaygroundApplication();
        using var client = app.CreateClient();

        var response = await client.PostAsync(Url("/playground/api/rooms/groep-7/link"), Json("""{"groep":"7"}"""));

        var state = await response.Content.ReadFromJsonAsync(PlaygroundJsonContext.Default.PlaygroundState);
        state!.Room.Should().Be("groep-7");
        state.Groep.Should().Be("7");
        state.Rooms.Should().Contain(["groep-5", "groep-7"]);
    }

    [Theory]
    [InlineData("/playground/api/rooms/Groep%207/link", """{"groep":"7"}""", "room id")]
    [InlineData("/playground/api/rooms/groep-7/link", """{"groep":""}""", "groep")]
    [InlineData("/playground/api/rooms/groep-7/link", """{"groep":""", "not valid JSON")]
    public async Task LinkRoom_BadInput_Returns400(string path, string body, string expectedInDetail)
    {
        await using var app = new PlaygroundApplication();
        using var client = app.CreateClient();

        await ShouldBeClearProblem(await client.PostAsync(Url(path), Json(body)), expectedInDetail);
    }

    [Fact]
    public async Task ResetRoom_RoomWithMessages_ClearsTheChat()
    {
        await using var app = new PlaygroundApplication();
        using var client = app.CreateClient();
        await client.PostAsync(Url("/playground/api/messages"), Json("""{"room":"groep-5","author":"Sanne","text":"hoi"}"""));

        var response = await client.PostAsync(Url("/playground/api/rooms/groep-5/reset"), null);

        var state = await response.Content.ReadFromJsonAsync(PlaygroundJsonContext.Default.PlaygroundState);
        state!.Messages.Should().BeEmpty();
        state.Groep.Should().Be("5");
    }

    [Fact]
    public async Task GetState_BotSendsThroughTheRegisteredSender_EachMessageIsInTheRightPanel()
    {
        await using var app = new PlaygroundApplication();
        using var client = app.CreateClient();
        var sender = app.Services.GetServices<IChatSender>().Single(s => s.Platform == Platform.Playground);
        var room = new ConversationRef(Platform.Playground, "groep-5");

        await sender.SendPrivateAsync(room, new ChatUser("Mark", "Mark"), new OutboundMessage(OutboundKind.PrivateNudge, "Zullen we dit met meester Tom bespreken?"), CancellationToken.None);
        await sender.SendPrivateAsync(room, new ChatUser("contact:Naima", "Naima"), new OutboundMessage(OutboundKind.Alert, "Het gesprek in groep 5 loopt op.") { AlertId = "a-1" }, CancellationToken.None);
        await sender.SendToConversationAsync(room, new OutboundMessage(OutboundKind.GroupMessage, "Even pauze?"), CancellationToken.None);

        var state = await client.GetFromJsonAsync(Url("/playground/api/state?room=groep-5"), PlaygroundJsonContext.Default.PlaygroundState);
        ShouldRouteToPanels(state!);
    }

    [Fact]
    public async Task PostMessage_PipelineDecidesInterventions_StateRoutesThemToTheRightPanels()
    {
        await using var app = new PlaygroundApplication(configureServices: services =>
            services.AddSingleton<IMessageMiddleware, ScriptedInterventionsMiddleware>());
        using var client = app.CreateClient();

        var response = await client.PostAsync(Url("/playground/api/messages"), Json("""{"room":"groep-5","author":"Mark","text":"#test dit gaat te ver"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        ShouldRouteToPanels((await response.Content.ReadFromJsonAsync(PlaygroundJsonContext.Default.PlaygroundState))!);
    }

    private static void ShouldRouteToPanels(PlaygroundState state)
    {
        state.PrivateMessages.Single(p => p.Name == "Mark").Messages.Should().ContainSingle().Which.Kind.Should().Be("nudge");
        state.PrivateMessages.Where(p => p.Name != "Mark" && p.Name != "Naima").Should().OnlyContain(p => p.Messages.Count == 0);
        state.PrivateMessages.Single(p => p.Name == "Naima").Messages.Should().ContainSingle().Which.Kind.Should().Be("alert");
        state.Alerts.Should().ContainSingle().Which.To.Should().Be("Naima");
        state.BotMessages.Should().ContainSingle().Which.Kind.Should().Be("group");
        state.BotMessages.Should().NotContain(m => m.Kind == "nudge" || m.Kind == "alert");
    }

    private static async Task ShouldBeClearProblem(HttpResponseMessage response, string expectedInDetail)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var raw = await response.Content.ReadAsStringAsync();
        raw.Should().NotContain("   at ").And.NotContain("Exception");
        var problem = System.Text.Json.JsonSerializer.Deserialize(raw, PlaygroundJsonContext.Default.PlaygroundProblem);
        problem!.Status.Should().Be(400);
        problem.Detail.Should().Contain(expectedInDetail);
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>Stands in for the engine: decides a nudge, an alert and a group message for "#test".</summary>
    private sealed class ScriptedInterventionsMiddleware(IInterventionSink sink) : IMessageMiddleware
    {
        public async Task InvokeAsync(ChatMessage message, MessageDelegate next, CancellationToken cancellationToken)
        {
            if (message.Text.StartsWith("#test", StringComparison.Ordinal))
            {
                await sink.DeliverAsync(message, new Intervention(InterventionKind.PrivateNudge, "Misschien fijn om dit met meester Tom te bespreken?") { Recipient = message.Author, RecipientLabel = message.Author.DisplayName, Topic = "test" }, cancellationToken);
                await sink.DeliverAsync(message, new Intervention(InterventionKind.Alert, "Het gesprek in groep 5 loopt op.") { RecipientLabel = "Naima", Topic = "test" }, cancellationToken);
                await sink.DeliverAsync(message, new Intervention(InterventionKind.GroupMessage, "Zullen we het even rustig houden?") { RecipientLabel = "groep", Topic = "test" }, cancellationToken);
            }

            await next(message, cancellationToken);
        }
    }
}
