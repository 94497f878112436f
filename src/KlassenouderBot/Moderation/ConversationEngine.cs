using KlassenouderBot.Platforms;

namespace KlassenouderBot.Moderation;

/// <summary>
/// The channel-agnostic core: assess the message, update the conversation's escalation, and decide
/// the interventions. Deciding is separate from doing (<see cref="IInterventionSink"/>), so that
/// <c>replay</c> and the server run exactly the same decisions.
/// </summary>
public sealed class ConversationEngine(IToneAnalyzer analyzer)
{
    public async Task<EngineOutcome> ProcessAsync(ChatMessage message, CancellationToken cancellationToken)
    {
        var assessment = await analyzer.AssessAsync(message.Text, null, cancellationToken);
        return new EngineOutcome(assessment, EscalationLevel.Calm, 0, []);
    }
}
