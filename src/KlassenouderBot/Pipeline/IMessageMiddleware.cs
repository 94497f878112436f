using KlassenouderBot.Platforms;

namespace KlassenouderBot.Pipeline;

/// <summary>The rest of the pipeline after a middleware.</summary>
public delegate Task MessageDelegate(ChatMessage message, CancellationToken cancellationToken);

/// <summary>
/// One step of the inbound onion: it may act before and after calling <c>next</c>, or stop the
/// message by not calling it (a duplicate, a bot's own message).
/// </summary>
public interface IMessageMiddleware
{
    Task InvokeAsync(ChatMessage message, MessageDelegate next, CancellationToken cancellationToken);
}
