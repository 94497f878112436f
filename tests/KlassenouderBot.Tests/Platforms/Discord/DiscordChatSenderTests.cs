using System.Net;
using KlassenouderBot.Platforms;
using KlassenouderBot.Platforms.Discord;
using KlassenouderBot.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace KlassenouderBot.Tests.Platforms.Discord;

public sealed class DiscordChatSenderTests : IDisposable
{
    private const string Guild = "222222222222222222";
    private const string Channel = "111111111111111111";
    private const string Parent = "300000000000000001";
    private const string DmChannel = "500000000000000001";
    private const string GroupPost = $"POST /channels/{Channel}/messages";
    private const string DmPost = $"POST /channels/{DmChannel}/messages";
    private const string OpenDm = "POST /users/@me/channels";

    private static readonly ConversationRef ClassChannel = new(Platform.Discord, Channel) { GuildId = Guild };
    private static readonly ChatUser Sanne = new(Parent, "Sanne");

    private readonly StubDiscordApi _api = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly DiscordChatSender _sut;

    public DiscordChatSenderTests()
    {
        var rest = _api.CreateClient();
        _sut = new DiscordChatSender(rest, new DiscordMembers(rest), _clock, NullLogger<DiscordChatSender>.Instance);
        _api.On(GroupPost, StubAnswer.Ok("""{"id":"600000000000000001"}"""))
            .On(OpenDm, StubAnswer.Ok($$"""{"id":"{{DmChannel}}","type":1}"""))
            .On(DmPost, StubAnswer.Ok("""{"id":"600000000000000002"}"""));
    }

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task SendToConversation_GroupMessage_AllowsNoMentionsAndCarriesAnEnforcedNonce()
    {
        var result = await _sut.SendToConversationAsync(ClassChannel, new OutboundMessage(OutboundKind.GroupMessage, "Laten we het rustig houden, @everyone."), CancellationToken.None);

        result.Should().Be(SendResult.Ok("600000000000000001"));
        var body = _api.To(GroupPost).Should().ContainSingle().Subject.Body!.Value;
        body.GetProperty("content").GetString().Should().Be("Laten we het rustig houden, @everyone.");
        body.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength().Should().Be(0);
        body.GetProperty("enforce_nonce").GetBoolean().Should().BeTrue();
        body.GetProperty("nonce").GetString().Should().NotBeNullOrEmpty().And.Match(n => n.Length <= 25);
        body.TryGetProperty("message_reference", out _).Should().BeFalse();
    }

    [Fact]
    public async Task SendToConversation_TwoSends_UseDifferentNonces()
    {
        await _sut.SendToConversationAsync(ClassChannel, new OutboundMessage(OutboundKind.GroupMessage, "een"), CancellationToken.None);
        await _sut.SendToConversationAsync(ClassChannel, new OutboundMessage(OutboundKind.GroupMessage, "twee"), CancellationToken.None);

        _api.To(GroupPost).Select(r => r.Body!.Value.GetProperty("nonce").GetString()).Should().OnlyHaveUniqueItems().And.HaveCount(2);
    }

    [Fact]
    public async Task SendToConversation_RetriedAfterAServerError_SendsTheSameNonceSoDiscordPostsOnce()
    {
        _api.On(GroupPost, StubAnswer.Error(HttpStatusCode.ServiceUnavailable, 0), StubAnswer.Ok("""{"id":"600000000000000001"}"""));

        var result = await _sut.SendToConversationAsync(ClassChannel, new OutboundMessage(OutboundKind.GroupMessage, "hoi"), CancellationToken.None);

        result.Delivered.Should().BeTrue();
        var nonces = _api.To(GroupPost).Select(r => r.Body!.Value.GetProperty("nonce").GetString()).ToList();
        nonces.Should().HaveCount(2);
        nonces.Distinct().Should().ContainSingle("the retry is the same message, which enforce_nonce deduplicates");
    }

    [Fact]
    public async Task SendToConversation_LongText_IsCutToDiscordsLimit()
    {
        var text = string.Concat(Enumerable.Repeat("woord ", 1000)).Trim();
        text.Length.Should().BeGreaterThan(5000);

        await _sut.SendToConversationAsync(ClassChannel, new OutboundMessage(OutboundKind.FaqAnswer, text), CancellationToken.None);

        var content = _api.To(GroupPost).Single().Body!.Value.GetProperty("content").GetString()!;
        content.Length.Should().BeLessThanOrEqualTo(2000).And.BeGreaterThan(1800);
        content.Should().EndWith("…").And.StartWith("woord woord");
    }

    [Fact]
    public async Task SendToConversation_Reply_ReferencesTheMessageWithoutFailingIfItIsGone()
    {
        await _sut.SendToConversationAsync(ClassChannel, new OutboundMessage(OutboundKind.GroupMessage, "Goed punt.") { ReplyToMessageId = "400000000000000001" }, CancellationToken.None);

        var reference = _api.To(GroupPost).Single().Body!.Value.GetProperty("message_reference");
        reference.GetProperty("message_id").GetString().Should().Be("400000000000000001");
        reference.GetProperty("fail_if_not_exists").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task SendToConversation_ExplicitMentions_AllowsUsersOnly()
    {
        await _sut.SendToConversationAsync(ClassChannel, new OutboundMessage(OutboundKind.GroupMessage, "<@300000000000000001>") { AllowMentions = true }, CancellationToken.None);

        var parse = _api.To(GroupPost).Single().Body!.Value.GetProperty("allowed_mentions").GetProperty("parse");
        parse.EnumerateArray().Select(p => p.GetString()).Should().Equal("users");
    }

    [Fact]
    public async Task SendToConversation_RestRefuses_IsNotDeliveredWithTheReason()
    {
        _api.On(GroupPost, StubAnswer.Error(HttpStatusCode.Forbidden, 50013, "Missing Permissions"));

        var result = await _sut.SendToConversationAsync(ClassChannel, new OutboundMessage(OutboundKind.GroupMessage, "hoi"), CancellationToken.None);

        result.Delivered.Should().BeFalse();
        result.FailureReason.Should().Contain("Missing Permissions");
    }

    [Fact]
    public async Task SendPrivate_Nudge_OpensADmAndPostsThereNeverInTheGroup()
    {
        var result = await _sut.SendPrivateAsync(ClassChannel, Sanne, new OutboundMessage(OutboundKind.PrivateNudge, "Even een tip van de bot."), CancellationToken.None);

        result.Should().Be(SendResult.Ok("600000000000000002"));
        _api.Requests.Select(r => r.Route).Should().Equal(OpenDm, DmPost);
        _api.To(OpenDm).Single().Body!.Value.GetProperty("recipient_id").GetString().Should().Be(Parent);
        _api.To(DmPost).Single().Body!.Value.GetProperty("content").GetString().Should().Be("Even een tip van de bot.");
        _api.To(GroupPost).Should().BeEmpty();
    }

    [Fact]
    public async Task SendPrivate_SecondNudge_ReusesTheDmChannel()
    {
        await _sut.SendPrivateAsync(ClassChannel, Sanne, new OutboundMessage(OutboundKind.PrivateNudge, "een"), CancellationToken.None);
        await _sut.SendPrivateAsync(ClassChannel, Sanne, new OutboundMessage(OutboundKind.PrivateNudge, "twee"), CancellationToken.None);

        _api.To(OpenDm).Should().ContainSingle();
        _api.To(DmPost).Should().HaveCount(2);
    }

    [Fact]
    public async Task SendPrivate_DmsClosed_IsNotDeliveredAndNothingGoesToTheGroup()
    {
        _api.On(DmPost, StubAnswer.Error(HttpStatusCode.Forbidden, 50007, "Cannot send messages to this user"));

        var result = await _sut.SendPrivateAsync(ClassChannel, Sanne, new OutboundMessage(OutboundKind.PrivateNudge, "tip"), CancellationToken.None);

        result.Delivered.Should().BeFalse();
        result.FailureReason.Should().Be("direct messages closed");
        result.Permanent.Should().BeTrue("retrying within the hour cannot open someone's direct messages");
        _api.To(GroupPost).Should().BeEmpty();
    }

    [Fact]
    public async Task SendPrivate_DmsClosed_IsNotTriedAgainForSixHours()
    {
        _api.On(DmPost, StubAnswer.Error(HttpStatusCode.Forbidden, 50007, "Cannot send messages to this user"));
        await _sut.SendPrivateAsync(ClassChannel, Sanne, new OutboundMessage(OutboundKind.PrivateNudge, "tip"), CancellationToken.None);
        var requestsAfterFirst = _api.Requests.Count;

        _clock.Advance(TimeSpan.FromHours(5.9));
        var second = await _sut.SendPrivateAsync(ClassChannel, Sanne, new OutboundMessage(OutboundKind.PrivateNudge, "tip"), CancellationToken.None);

        second.Should().Be(SendResult.Undeliverable("direct messages closed"));
        _api.Requests.Should().HaveCount(requestsAfterFirst, "a refusal counts towards Discord's invalid-request limit");

        _clock.Advance(TimeSpan.FromHours(0.2));
        _api.On(DmPost, StubAnswer.Ok("""{"id":"600000000000000003"}"""));
        (await _sut.SendPrivateAsync(ClassChannel, Sanne, new OutboundMessage(OutboundKind.PrivateNudge, "tip"), CancellationToken.None))
            .Delivered.Should().BeTrue("after six hours the member may have opened their DMs");
    }

    [Fact]
    public async Task SendPrivate_DmsClosedForOneMember_DoesNotStopDmsToAnother()
    {
        _api.On(DmPost, StubAnswer.Error(HttpStatusCode.Forbidden, 50007), StubAnswer.Ok("""{"id":"600000000000000004"}"""));
        await _sut.SendPrivateAsync(ClassChannel, Sanne, new OutboundMessage(OutboundKind.PrivateNudge, "tip"), CancellationToken.None);

        var result = await _sut.SendPrivateAsync(ClassChannel, new ChatUser("300000000000000002", "Tom"), new OutboundMessage(OutboundKind.PrivateNudge, "tip"), CancellationToken.None);

        result.Delivered.Should().BeTrue();
    }

    [Fact]
    public async Task SendPrivate_ContactWithDiscordId_IsDmedAtThatId()
    {
        var naima = ChatUser.Contact("Naima", "naima@ouders.example", discordAccount: "1234567890123456789");

        var result = await _sut.SendPrivateAsync(ClassChannel, naima, new OutboundMessage(OutboundKind.Alert, "Melding"), CancellationToken.None);

        result.Delivered.Should().BeTrue();
        _api.To(OpenDm).Single().Body!.Value.GetProperty("recipient_id").GetString().Should().Be("1234567890123456789");
        _api.Requests.Should().NotContain(r => r.Path.Contains("/members/search"), "an id needs no lookup");
    }

    [Fact]
    public async Task SendPrivate_ContactNotFound_IsNotDeliveredAndNothingIsPosted()
    {
        var result = await _sut.SendPrivateAsync(ClassChannel, ChatUser.Contact("Naima", null), new OutboundMessage(OutboundKind.Alert, "Melding"), CancellationToken.None);

        result.Delivered.Should().BeFalse();
        result.FailureReason.Should().Contain("not a member");
        _api.Requests.Should().NotContain(r => r.Method == "POST");
    }

    [Fact]
    public async Task SendPrivate_Alert_IsAnEmbedWithButtons()
    {
        var alert = DiscordAlertMessageTests.OpenAlert;
        var message = new OutboundMessage(OutboundKind.Alert, "Melding klassenchat groep 5") { AlertId = alert.Id, Alert = alert };

        await _sut.SendPrivateAsync(ClassChannel, ChatUser.Contact("Naima", null, discordAccount: "1234567890123456789"), message, CancellationToken.None);

        var body = _api.To(DmPost).Single().Body!.Value;
        body.GetProperty("embeds")[0].GetProperty("title").GetString().Should().Be("Klassenchat groep 5: Escalatie");
        var buttons = body.GetProperty("components")[0].GetProperty("components");
        buttons.EnumerateArray().Select(b => b.GetProperty("custom_id").GetString()).Should().Equal($"alert:claim:{alert.Id}", $"alert:false_alarm:{alert.Id}");
        body.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength().Should().Be(0);
        body.GetProperty("enforce_nonce").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public void Platform_IsDiscord() => _sut.Platform.Should().Be(Platform.Discord);
}
