namespace KlassenouderBot.Platforms;

/// <summary>Where platform adapters hand over every translated message.</summary>
public interface IInboundMessageSink
{
    /// <summary>Runs the message through the engine.</summary>
    Task HandleAsync(ChatMessage message, CancellationToken cancellationToken);
}
