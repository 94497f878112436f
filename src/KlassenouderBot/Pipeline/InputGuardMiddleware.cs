using KlassenouderBot.Platforms;

namespace KlassenouderBot.Pipeline;

/// <summary>
/// Drops what must never reach the engine: messages from bots (including this one) and messages with
/// nothing readable in them. Very long messages pass whole; the analyser is linear in their length.
/// </summary>
public sealed class InputGuardMiddleware : IMessageMiddleware
{
    /// <summary>Beyond this a message is not chat but a paste; the tail is dropped before analysis.</summary>
    public const int MaxTextLength = 100_000;

    public Task InvokeAsync(ChatMessage message, MessageDelegate next, CancellationToken cancellationToken)
    {
        if (message.Author.IsBot || (message.Conversation.Bot is { } bot && bot.Id == message.Author.Id))
        {
            return Task.CompletedTask;
        }

        if (string.IsNullOrWhiteSpace(message.Text))
        {
            return Task.CompletedTask;
        }

        if (message.Text.Length > MaxTextLength)
        {
            message = message with { Text = message.Text[..MaxTextLength] };
        }

        return next(message, cancellationToken);
    }
}
