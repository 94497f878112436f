using KlassenouderBot.Tests.Data;
using KlassenouderBot.Faq;
using KlassenouderBot.Platforms;
using KlassenouderBot.School;
using KlassenouderBot.Tests.Fakes;
using KlassenouderBot.Tests.Moderation;

namespace KlassenouderBot.Tests.Faq;

/// <summary>When the bot answers a question in the chat, and how.</summary>
public sealed class FaqMiddlewareTests : IAsyncLifetime
{
    private static readonly ConversationRef Group = new(Platform.Playground, "klas5");
    private readonly FakeTimeProvider _clock = new();
    private readonly RecordingSender _sender = new();
    private int _nextId;
    private SqliteTestDatabase? _database;

    public async Task InitializeAsync() => _database = await SqliteTestDatabase.CreateMigratedAsync(_clock);

    public async Task DisposeAsync() => await _database!.DisposeAsync();

    [Fact]
    public async Task Answers_AreRecordedForTheSchool_WithoutTheQuestion()
    {
        await Sut().InvokeAsync(Message("wanneer is de herfstvakantie?", addressed: true), Done, CancellationToken.None);
        await Sut().InvokeAsync(Message("wat is de hoofdstad van Frankrijk?", addressed: true), Done, CancellationToken.None);

        await using var db = _database!.CreateDbContext();
        var records = db.FaqAnswers.OrderBy(a => a.CreatedAt).ToList();
        records.Should().HaveCount(2);
        records[0].Should().Match<KlassenouderBot.Data.Entities.FaqAnswerRecord>(r => r.Answered && r.FaqId == "herfstvakantie" && r.ConversationKey == Group.Key);
        records[1].Answered.Should().BeFalse();
    }

    [Fact]
    public async Task NotHelped_MarksTheLastAnswerForTheSchool_AndThanksTheParent()
    {
        var sut = Sut();
        await sut.InvokeAsync(Message("wanneer is de herfstvakantie?", addressed: true), Done, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(5));

        await sut.InvokeAsync(Message("niet geholpen", addressed: true), Done, CancellationToken.None);

        _sender.Sent[^1].Message.Text.Should().StartWith("Dank je!");
        await using var db = _database!.CreateDbContext();
        db.FaqAnswers.Single().NotHelpfulAt.Should().Be(_clock.GetUtcNow());
    }

    [Fact]
    public async Task NotHelped_WithoutARecentAnswer_SaysSoAndStoresNothing()
    {
        await Sut().InvokeAsync(Message("niet geholpen", addressed: true), Done, CancellationToken.None);

        _sender.Sent.Should().ContainSingle().Which.Message.Text.Should().Contain("niet meer terugvinden");
    }

    [Fact]
    public async Task AddressedQuestion_IsAnsweredAsAReplyWithItsSource()
    {
        var message = Message("wanneer is de herfstvakantie?", addressed: true);

        await Sut().InvokeAsync(message, Done, CancellationToken.None);

        var sent = _sender.Sent.Should().ContainSingle().Subject;
        sent.Message.Kind.Should().Be(OutboundKind.FaqAnswer);
        sent.Message.ReplyToMessageId.Should().Be(message.Id, "the answer replies to the question itself");
        sent.Message.Text.Should().Contain("10 oktober").And.Contain("(Bron: schoolgids, Vakanties 2026-2027)");
    }

    [Fact]
    public async Task AddressedQuestionTheBotCannotAnswer_SaysWhoToAsk()
    {
        await Sut().InvokeAsync(Message("wat is de hoofdstad van Frankrijk?", addressed: true), Done, CancellationToken.None);

        _sender.Sent.Should().ContainSingle().Which.Message.Text.Should().Contain("ik gok liever niet");
    }

    [Fact]
    public async Task PrivateQuestion_IsAnsweredWithoutReplyReference()
    {
        await Sut().InvokeAsync(Message("hoe laat is school uit op woensdag?", addressed: false, isPrivate: true), Done, CancellationToken.None);

        _sender.Sent.Should().ContainSingle().Which.Message.ReplyToMessageId.Should().BeNull();
    }

    [Fact]
    public async Task UnaddressedGroupQuestion_AnsweredWhenVerySure_ButNotTwiceWithinAnHour()
    {
        var sut = Sut();

        await sut.InvokeAsync(Message("hoe laat is school uit op woensdag?"), Done, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(30));
        await sut.InvokeAsync(Message("hoe laat is de school uit op woensdag?"), Done, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(31));
        await sut.InvokeAsync(Message("hoe laat is school uit op woensdag?"), Done, CancellationToken.None);

        _sender.Sent.Should().HaveCount(2, "the second question came within the hour");
    }

    [Fact]
    public async Task UnaddressedGroupQuestion_NotSureEnough_IsLeftToTheParents()
    {
        await Sut().InvokeAsync(Message("weet iemand of de juf morgen weer beter is?"), Done, CancellationToken.None);

        _sender.Sent.Should().BeEmpty();
    }

    [Fact]
    public async Task UnaddressedGroupQuestion_SchoolTurnedAutoAnswersOff_IsLeftAlone()
    {
        var sut = Sut(new FaqOptions { AutoAnswerInGroups = false });

        await sut.InvokeAsync(Message("hoe laat is school uit op woensdag?"), Done, CancellationToken.None);

        _sender.Sent.Should().BeEmpty();
    }

    [Theory]
    [InlineData("dankjewel!", true, false)]
    [InlineData("leuk!", false, false)]
    [InlineData("wanneer is de herfstvakantie", false, true)]
    [InlineData("gym morgen?", false, true)]
    [InlineData("graag info over de gymtijden", true, true)]
    public void LooksLikeQuestion(string text, bool addressed, bool expected) =>
        FaqMiddleware.LooksLikeQuestion(text, addressed).Should().Be(expected);

    private static Task Done(ChatMessage message, CancellationToken cancellationToken) => Task.CompletedTask;

    private FaqMiddleware Sut(FaqOptions? options = null)
    {
        var school = ConversationScript.Sample;
        var engine = FaqEngine.Create(school.Faq, FaqEngineFactory.ReadGuide(school.SchoolGuidePath), school.Synonyms, options ?? school.FaqOptions);
        return new FaqMiddleware(FaqIndex.Fixed(engine), SchoolSource.Fixed(school), new InMemoryConversationLinks(school), [_sender], new FaqAnswerStore(_database!, _clock), _clock);
    }

    private ChatMessage Message(string text, bool addressed = false, bool isPrivate = false) => new()
    {
        Id = $"m{++_nextId}",
        Conversation = Group,
        Author = new ChatUser("p1", "Mark"),
        Text = text,
        Timestamp = _clock.GetUtcNow(),
        AddressesBot = addressed,
        IsPrivate = isPrivate,
    };

    private sealed class RecordingSender : IChatSender
    {
        public List<(ConversationRef Conversation, OutboundMessage Message)> Sent { get; } = [];

        public Platform Platform => Platform.Playground;

        public Task<SendResult> SendToConversationAsync(ConversationRef conversation, OutboundMessage message, CancellationToken cancellationToken)
        {
            Sent.Add((conversation, message));
            return Task.FromResult(SendResult.Ok());
        }

        public Task<SendResult> SendPrivateAsync(ConversationRef conversation, ChatUser recipient, OutboundMessage message, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("FAQ answers are not sent privately to someone else");
    }
}
