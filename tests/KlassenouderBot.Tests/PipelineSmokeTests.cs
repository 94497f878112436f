using KlassenouderBot.Pipeline;
using KlassenouderBot.Platforms;

namespace KlassenouderBot.Tests;

public sealed class PipelineSmokeTests
{
    [Fact]
    public async Task HandleAsync_BotAuthor_NeverReachesLaterMiddleware()
    {
        var recorder = new RecordingMiddleware();
        var sut = new MessagePipeline([new InputGuardMiddleware(), recorder]);
        var message = new ChatMessage
        {
            Id = "1",
            Conversation = new ConversationRef(Platform.Playground, "room"),
            Author = new ChatUser("bot", "Bot", IsBot: true),
            Text = "hallo",
            Timestamp = DateTimeOffset.UnixEpoch,
        };

        await sut.HandleAsync(message, CancellationToken.None);

        recorder.Seen.Should().BeEmpty();
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
