using System.Text;
using KlassenouderBot.Moderation;
using KlassenouderBot.Pipeline;
using KlassenouderBot.Platforms;
using KlassenouderBot.School;
using KlassenouderBot.Tests.Fakes;

namespace KlassenouderBot.Tests.Pipeline;

// Whatever a platform delivers, the analyser and the pipeline finish without an exception.
public sealed class InputGuardTests
{
    private readonly FakeInterventionSink _sink = new();
    private readonly RecordingMiddleware _after = new();

    public static TheoryData<string, string> BadInputs()
    {
        var random = new Random(20260114);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        var controls = new string(Enumerable.Range(0, 32).Select(i => (char)i).ToArray()) + "\u007F\u0085";
        return new TheoryData<string, string>
        {
            { "empty", "" },
            { "whitespace", " \t\r\n   \u00A0 " },
            { "very long", string.Concat(Enumerable.Repeat("die kankerjuf ", 50_000 / 14 + 1))[..50_000] },
            { "long single word", new string('a', 50_000) },
            { "binary as latin-1", Encoding.Latin1.GetString(bytes) },
            { "control characters", controls + "kut" + controls },
            { "emoji only", "😡😡🤬🤮👏👏🙄🖕🔪💔" },
            { "lone surrogates", "\uD83D kut \uDE00 \uD83D" },
            { "arabic", "هذه المدرسة سيئة جدا ولا أحد يهتم بأطفالنا" },
            { "hebrew", "המורה לא עונה לאף אחד, זה פשוט מביש" },
            { "right-to-left override", "\u202Eruj reknak\u202C \u2067שלום\u2069" },
            { "zero-width laden", string.Concat(Enumerable.Repeat("k\u200Bu\u200Ct\u200D \uFEFF\u2060", 2000)) },
            { "only zero-width", "\u200B\u200C\u200D\uFEFF\u2060" },
            { "only punctuation", "?!?!... ''' \"\" *** --- ___" },
            { "stretched forever", "k" + new string('u', 40_000) + "t" },
            { "spaced letters forever", string.Concat(Enumerable.Repeat("k ", 20_000)) },
            { "unclosed quotes", string.Concat(Enumerable.Repeat("'a \"b “c ", 3000)) },
        };
    }

    private MessagePipeline CreateSut()
    {
        var school = SchoolConfigurationLoader.Load(SchoolOptions.DefaultConfigPath);
        var engine = new ConversationEngine(new LocalToneAnalyzer(), school, new InMemoryConversationLinks(school));
        return new MessagePipeline([new InputGuardMiddleware(), new DeduplicationMiddleware(), new ModerationMiddleware(engine, _sink), _after]);
    }

    private static ChatMessage Message(string text, string id = "1", ChatUser? author = null) => new()
    {
        Id = id,
        Conversation = new ConversationRef(Platform.Playground, "room"),
        Author = author ?? new ChatUser("mark", "Mark"),
        Text = text,
        Timestamp = new DateTimeOffset(2026, 1, 14, 14, 0, 0, TimeSpan.FromHours(1)),
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Assess_BadInput_ReturnsAValidAssessment(string name, string text)
    {
        var assessment = new LocalToneAnalyzer().Assess(text);

        assessment.Should().NotBeNull(name);
        Enum.IsDefined(assessment.Label).Should().BeTrue();
        assessment.Score.Should().BeInRange(0.0, 1.0);
        double.IsNaN(assessment.Score).Should().BeFalse();
        assessment.Language.Should().BeOneOf("nl", "en");
        assessment.Signals.Should().NotContainNulls();
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task HandleAsync_BadInput_Completes(string name, string text)
    {
        var act = () => CreateSut().HandleAsync(Message(text), CancellationToken.None);

        await act.Should().NotThrowAsync(name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n\t")]
    public async Task InvokeAsync_EmptyOrWhitespace_StopsTheMessage(string text)
    {
        await CreateSut().HandleAsync(Message(text), CancellationToken.None);

        _after.Seen.Should().BeEmpty();
        _sink.Delivered.Should().BeEmpty();
    }

    [Fact]
    public async Task InvokeAsync_FiftyThousandCharacters_PassesWhole()
    {
        var text = new string('x', 50_000);

        await CreateSut().HandleAsync(Message(text), CancellationToken.None);

        _after.Seen.Should().ContainSingle().Which.Text.Should().HaveLength(50_000);
    }

    [Fact]
    public async Task InvokeAsync_LongerThanTheLimit_IsCutToTheLimit()
    {
        var text = new string('x', InputGuardMiddleware.MaxTextLength + 5_000);

        await CreateSut().HandleAsync(Message(text), CancellationToken.None);

        _after.Seen.Should().ContainSingle().Which.Text.Should().HaveLength(InputGuardMiddleware.MaxTextLength);
    }

    [Fact]
    public async Task InvokeAsync_MessageFromTheBotItself_IsStopped()
    {
        var bot = new ChatUser("bot-1", "KlassenouderBot");
        var message = Message("die kankerjuf") with
        {
            Author = bot,
            Conversation = new ConversationRef(Platform.Playground, "room") { Bot = bot },
        };

        await CreateSut().HandleAsync(message, CancellationToken.None);

        _after.Seen.Should().BeEmpty();
        _sink.Delivered.Should().BeEmpty();
    }

    [Fact]
    public async Task HandleAsync_SameMessageDeliveredTwice_IsHandledOnce()
    {
        var sut = CreateSut();

        await sut.HandleAsync(Message("die kankerjuf heeft weer niks geregeld", id: "42"), CancellationToken.None);
        await sut.HandleAsync(Message("die kankerjuf heeft weer niks geregeld", id: "42"), CancellationToken.None);

        _after.Seen.Should().ContainSingle();
        _sink.Delivered.Should().ContainSingle(d => d.Intervention.Kind == InterventionKind.PrivateNudge);
    }

    [Fact]
    public async Task HandleAsync_EditWithNewText_IsHandledAgain()
    {
        var sut = CreateSut();

        await sut.HandleAsync(Message("die juf weer", id: "42"), CancellationToken.None);
        await sut.HandleAsync(Message("die kankerjuf weer", id: "42") with { IsEdit = true }, CancellationToken.None);

        _after.Seen.Should().HaveCount(2);
    }

    [Fact]
    public async Task HandleAsync_HurtfulGroupMessage_NudgeReachesTheSink()
    {
        await CreateSut().HandleAsync(Message("die kankerjuf heeft weer niks geregeld"), CancellationToken.None);

        _sink.Delivered.Should().ContainSingle().Which.Intervention.Recipient!.DisplayName.Should().Be("Mark");
    }

    [Fact]
    public async Task HandleAsync_PrivateMessage_IsNotModerated()
    {
        await CreateSut().HandleAsync(Message("die kankerjuf heeft weer niks geregeld") with { IsPrivate = true }, CancellationToken.None);

        _sink.Delivered.Should().BeEmpty();
        _after.Seen.Should().ContainSingle();
    }

    private sealed class RecordingMiddleware : IMessageMiddleware
    {
        public List<ChatMessage> Seen { get; } = [];

        public Task InvokeAsync(ChatMessage message, MessageDelegate next, CancellationToken cancellationToken)
        {
            Seen.Add(message);
            return next(message, cancellationToken);
        }
    }
}
