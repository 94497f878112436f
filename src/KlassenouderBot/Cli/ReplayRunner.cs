using KlassenouderBot.Moderation;
using KlassenouderBot.Platforms;
using KlassenouderBot.School;

namespace KlassenouderBot.Cli;

/// <summary>Runs a transcript through the whole engine, exactly as the server would, and lists the bot's actions.</summary>
internal static class ReplayRunner
{
    public static async Task<IReadOnlyList<ReplayAction>> RunAsync(Transcript transcript, SchoolConfiguration school, string? groep, IToneAnalyzer analyzer, CancellationToken cancellationToken)
    {
        var conversation = new ConversationRef(Platform.Playground, $"replay-{transcript.Id}");
        var links = new InMemoryConversationLinks(school);
        if (groep is not null)
        {
            await links.LinkAsync(conversation, groep, cancellationToken);
        }

        var engine = new ConversationEngine(analyzer, school, links);
        var actions = new List<ReplayAction>();
        for (var index = 0; index < transcript.Messages.Count; index++)
        {
            var (time, author, text) = transcript.Messages[index];
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var message = new ChatMessage
            {
                Id = $"{transcript.Id}-{index}",
                Conversation = conversation,
                Author = new ChatUser(author, author),
                Text = text,
                Timestamp = time,
            };
            var outcome = await engine.ProcessAsync(message, cancellationToken);
            foreach (var intervention in outcome.Interventions)
            {
                actions.Add(new ReplayAction(index, SignalNames.Kind(intervention.Kind), intervention.RecipientLabel, intervention.Text)
                {
                    Level = outcome.Level.ToString().ToLowerInvariant(),
                });
            }
        }

        return actions;
    }
}
