using System.Text.Json;
using KlassenouderBot.Platforms;
using KlassenouderBot.Platforms.Discord;
using KlassenouderBot.Platforms.Discord.Wire;
using Microsoft.Extensions.Logging.Abstractions;

namespace KlassenouderBot.Tests.Platforms.Discord;

public sealed class DiscordInteractionsTests : IDisposable
{
    private const string Guild = "222222222222222222";
    private const string Channel = "111111111111111111";
    private const string InteractionId = "900000000000000001";
    private const string Callback = $"POST /interactions/{InteractionId}/tok-1/callback";
    private const string Sanne = """{"user":{"id":"300000000000000001","username":"sanne_b","global_name":"Sanne B."},"nick":"Sanne","permissions":"PERMISSIONS"}""";

    private readonly StubDiscordApi _api = new();
    private readonly FakeCommands _commands = new();
    private readonly FakeAlertActions _alerts = new();
    private readonly DiscordInteractions _sut;

    public DiscordInteractionsTests()
    {
        var rest = _api.CreateClient();
        _sut = new DiscordInteractions(rest, _commands, _alerts, new DiscordDirectory(), new DiscordMembers(rest), NullLogger<DiscordInteractions>.Instance);
        _api.On(Callback, StubAnswer.NoContent());
    }

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task Help_IsAnsweredPrivatelyInTheChannel()
    {
        var response = await HandleAsync(Command("help"));

        response.GetProperty("type").GetInt32().Should().Be(4);
        response.GetProperty("data").GetProperty("flags").GetInt32().Should().Be(64);
        response.GetProperty("data").GetProperty("content").GetString().Should().Be("help for Discord:111111111111111111");
        response.GetProperty("data").GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength().Should().Be(0);
        _api.Requests.Single().Authorization.Should().BeNull();
    }

    [Fact]
    public async Task Privacy_IsAnsweredPrivately()
    {
        var response = await HandleAsync(Command("privacy"));

        response.GetProperty("data").GetProperty("flags").GetInt32().Should().Be(64);
        response.GetProperty("data").GetProperty("content").GetString().Should().Be("privacy");
    }

    [Fact]
    public async Task Koppel_MemberWhoMayManageTheServer_LinksAndTellsTheChannel()
    {
        var response = await HandleAsync(Command("koppel", """[{"name":"groep","type":3,"value":" 5 "}]""", permissions: "32"));

        var link = _commands.Links.Should().ContainSingle().Subject;
        link.Groep.Should().Be("5");
        link.PlatformGrantsManage.Should().BeTrue();
        link.Requester.Should().Be(new ChatUser("300000000000000001", "Sanne"));
        link.Conversation.Should().Match<ConversationRef>(c => c.Platform == Platform.Discord && c.ConversationId == Channel && c.GuildId == Guild);
        response.GetProperty("type").GetInt32().Should().Be(4);
        response.GetProperty("data").GetProperty("content").GetString().Should().Be("linked 5");
        response.GetProperty("data").TryGetProperty("flags", out _).Should().BeFalse("a successful link is for the whole channel");
    }

    [Theory]
    [InlineData("8")]
    [InlineData("2147483656")]
    public async Task Koppel_Administrator_MayManage(string permissions)
    {
        await HandleAsync(Command("koppel", """[{"name":"groep","type":3,"value":"5"}]""", permissions));

        _commands.Links.Single().PlatformGrantsManage.Should().BeTrue();
    }

    [Fact]
    public async Task Koppel_MemberWithoutManageServer_IsRefusedPrivately()
    {
        var response = await HandleAsync(Command("koppel", """[{"name":"groep","type":3,"value":"5"}]""", permissions: "0"));

        _commands.Links.Should().ContainSingle().Which.PlatformGrantsManage.Should().BeFalse();
        response.GetProperty("data").GetProperty("flags").GetInt32().Should().Be(64);
        response.GetProperty("data").GetProperty("content").GetString().Should().Be("refused");
    }

    [Fact]
    public async Task Koppel_InADirectMessage_IsRefusedWithoutAsking()
    {
        var response = await HandleAsync("""
            {"id":"900000000000000001","type":2,"token":"tok-1","channel_id":"111111111111111111",
             "user":{"id":"300000000000000001","username":"sanne_b"},
             "data":{"name":"koppel","options":[{"name":"groep","type":3,"value":"5"}]}}
            """);

        _commands.Links.Should().BeEmpty();
        response.GetProperty("data").GetProperty("flags").GetInt32().Should().Be(64);
        response.GetProperty("data").GetProperty("content").GetString().Should().Contain("/koppel groep:5");
    }

    [Theory]
    [InlineData("""[{"name":"vraag","type":3,"value":"   "}]""")]
    [InlineData("[]")]
    public async Task Faq_WithoutAQuestion_GivesAPrivateHint(string options)
    {
        var response = await HandleAsync(Command("faq", options));

        _commands.Questions.Should().BeEmpty();
        response.GetProperty("data").GetProperty("flags").GetInt32().Should().Be(64);
        response.GetProperty("data").GetProperty("content").GetString().Should().StartWith("Typ je vraag achter /faq");
    }

    [Fact]
    public async Task Faq_Answered_IsForTheWholeChannel()
    {
        var response = await HandleAsync(Command("faq", """[{"name":"vraag","type":3,"value":"wanneer is de herfstvakantie?"}]"""));

        _commands.Questions.Should().Equal("wanneer is de herfstvakantie?");
        response.GetProperty("data").GetProperty("content").GetString().Should().Be("answer to wanneer is de herfstvakantie?");
        response.GetProperty("data").TryGetProperty("flags", out _).Should().BeFalse();
        var button = response.GetProperty("data").GetProperty("components")[0].GetProperty("components")[0];
        button.GetProperty("label").GetString().Should().Be("Niet geholpen");
        button.GetProperty("custom_id").GetString().Should().Be("faq:unhelpful:answer-1");
    }

    [Fact]
    public async Task Faq_NotHelpfulButton_IsStoredAndThanksOnlyTheOneWhoPressed()
    {
        var response = await HandleAsync(Button("faq:unhelpful:answer-1"));

        _commands.NotHelpful.Should().Equal("answer-1");
        response.GetProperty("type").GetInt32().Should().Be(4);
        response.GetProperty("data").GetProperty("flags").GetInt32().Should().Be(64);
        response.GetProperty("data").GetProperty("content").GetString().Should().Be("thanks");
    }

    [Fact]
    public async Task Faq_NotAnswered_IsPrivate()
    {
        _commands.Answered = false;

        var response = await HandleAsync(Command("faq", """[{"name":"vraag","type":3,"value":"wat is de hoofdstad van Frankrijk?"}]"""));

        response.GetProperty("data").GetProperty("flags").GetInt32().Should().Be(64);
    }

    [Fact]
    public async Task UnknownCommand_IsAnsweredPrivately()
    {
        var response = await HandleAsync(Command("ban"));

        response.GetProperty("data").GetProperty("flags").GetInt32().Should().Be(64);
        response.GetProperty("data").GetProperty("content").GetString().Should().Contain("/help");
    }

    [Fact]
    public async Task ClaimButton_StoresTheAnswerAndReplacesTheMessageWithoutButtons()
    {
        var alert = DiscordAlertMessageTests.OpenAlert;
        _alerts.Result = alert with { Status = AlertViewStatus.Claimed, HandledBy = "Sanne" };

        var response = await HandleAsync(Button($"alert:claim:{alert.Id}"));

        _alerts.Actions.Should().Equal(new AlertAction(alert.Id, AlertChoice.Claim, new ChatUser("300000000000000001", "Sanne")));
        response.GetProperty("type").GetInt32().Should().Be(7);
        var data = response.GetProperty("data");
        data.GetProperty("components").ValueKind.Should().Be(JsonValueKind.Array);
        data.GetProperty("components").GetArrayLength().Should().Be(0);
        data.GetProperty("embeds")[0].GetProperty("fields").GetRawText().Should().Contain("Opgepakt door Sanne");
    }

    [Fact]
    public async Task FalseAlarmButton_IsPassedOnAsFalseAlarm()
    {
        _alerts.Result = DiscordAlertMessageTests.OpenAlert with { Status = AlertViewStatus.FalseAlarm, HandledBy = "Sanne" };

        await HandleAsync(Button("alert:false_alarm:42"));

        _alerts.Actions.Single().Should().Be(new AlertAction("42", AlertChoice.FalseAlarm, new ChatUser("300000000000000001", "Sanne")));
    }

    [Fact]
    public async Task Button_AlertGone_SaysSoPrivately()
    {
        _alerts.Result = null;

        var response = await HandleAsync(Button("alert:claim:42"));

        response.GetProperty("type").GetInt32().Should().Be(4);
        response.GetProperty("data").GetProperty("flags").GetInt32().Should().Be(64);
        response.GetProperty("data").GetProperty("content").GetString().Should().Contain("bestaat niet meer");
    }

    [Fact]
    public async Task Button_NotOurs_GetsNoCallback()
    {
        await _sut.HandleAsync(Interaction(Button("faq:helpful:42")), CancellationToken.None);

        _alerts.Actions.Should().BeEmpty();
        _api.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task CommandsThrowing_StillAnswerPrivately()
    {
        _commands.Throw = true;

        var response = await HandleAsync(Command("help"));

        response.GetProperty("type").GetInt32().Should().Be(4);
        response.GetProperty("data").GetProperty("flags").GetInt32().Should().Be(64);
        response.GetProperty("data").GetProperty("content").GetString().Should().Contain("lukte even niet");
    }

    [Fact]
    public async Task CallbackRefused_DoesNotThrow()
    {
        _api.On(Callback, StubAnswer.Error(System.Net.HttpStatusCode.NotFound, 10062, "Unknown interaction"));

        await _sut.HandleAsync(Interaction(Command("help")), CancellationToken.None);

        _api.To(Callback).Should().ContainSingle();
    }

    [Fact]
    public async Task WithoutIdTokenOrUser_IsIgnored()
    {
        await _sut.HandleAsync(Interaction("""{"id":"900000000000000001","type":2,"token":"tok-1","data":{"name":"help"}}"""), CancellationToken.None);

        _api.Requests.Should().BeEmpty();
    }

    private async Task<JsonElement> HandleAsync(string json)
    {
        await _sut.HandleAsync(Interaction(json), CancellationToken.None);
        return _api.To(Callback).Should().ContainSingle().Subject.Body!.Value;
    }

    private static DiscordInteraction Interaction(string json) =>
        JsonSerializer.Deserialize(json, DiscordJsonContext.Default.DiscordInteraction)!;

    /// <summary>A slash command in the class channel, by Sanne.</summary>
    private static string Command(string name, string options = "[]", string permissions = "2048") => $$"""
        {"id":"{{InteractionId}}","application_id":"100000000000000001","type":2,"token":"tok-1",
         "guild_id":"{{Guild}}","channel_id":"{{Channel}}","member":{{Sanne.Replace("PERMISSIONS", permissions, StringComparison.Ordinal)}},
         "data":{"name":"{{name}}","type":1,"options":{{options}} } }
        """;

    /// <summary>Sanne presses a button on a message in the class channel.</summary>
    private static string Button(string customId) => $$"""
        {"id":"{{InteractionId}}","application_id":"100000000000000001","type":3,"token":"tok-1",
         "guild_id":"{{Guild}}","channel_id":"{{Channel}}","member":{{Sanne.Replace("PERMISSIONS", "2048", StringComparison.Ordinal)}},
         "message":{"id":"600000000000000001","channel_id":"{{Channel}}","content":"Melding"},
         "data":{"component_type":2,"custom_id":"{{customId}}"} }
        """;

    private sealed class FakeCommands : IBotCommands
    {
        public List<(ConversationRef Conversation, ChatUser Requester, string Groep, bool PlatformGrantsManage)> Links { get; } = [];

        public List<string> Questions { get; } = [];

        public bool Answered { get; set; } = true;

        public bool Throw { get; set; }

        public string Welcome(ConversationRef conversation) => Say("welcome");

        public string Help(ConversationRef conversation) => Say($"help for {conversation.Key}");

        public string Privacy(ConversationRef conversation) => Say("privacy");

        public Task<FaqReply> AnswerQuestionAsync(ConversationRef conversation, string question, CancellationToken cancellationToken)
        {
            Questions.Add(question);
            return Task.FromResult(new FaqReply(Answered, Say($"answer to {question}"), "answer-1"));
        }

        public List<string> NotHelpful { get; } = [];

        public Task<string> AnswerNotHelpfulAsync(string answerId, CancellationToken cancellationToken)
        {
            NotHelpful.Add(answerId);
            return Task.FromResult("thanks");
        }

        public Task<LinkResult> LinkAsync(ConversationRef conversation, ChatUser requester, string groep, bool platformGrantsManage, CancellationToken cancellationToken)
        {
            Links.Add((conversation, requester, groep, platformGrantsManage));
            return Task.FromResult(platformGrantsManage ? new LinkResult(true, Say($"linked {groep}")) : new LinkResult(false, "refused"));
        }

        private string Say(string text) => Throw ? throw new InvalidOperationException("database is locked") : text;
    }

    private sealed class FakeAlertActions : IAlertActions
    {
        public List<AlertAction> Actions { get; } = [];

        public AlertView? Result { get; set; }

        public Task<AlertView?> ApplyAsync(AlertAction action, CancellationToken cancellationToken)
        {
            Actions.Add(action);
            return Task.FromResult(Result);
        }
    }
}
