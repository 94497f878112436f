namespace KlassenouderBot.Data.Entities;

/// <summary>
/// That the bot answered (or could not answer) a question, for the school's overview: which entry or guide
/// section, how sure, and whether a parent said it did not help. Never the question itself.
/// </summary>
public sealed class FaqAnswerRecord
{
    public required Guid Id { get; set; }

    public required string ConversationKey { get; set; }

    public string? Groep { get; set; }

    /// <summary>The FAQ entry answered from; null for a guide passage or a question the bot could not answer.</summary>
    public string? FaqId { get; set; }

    /// <summary>The guide heading the answer cites.</summary>
    public string? Source { get; set; }

    /// <summary>False when the bot said it was not sure and who to ask.</summary>
    public required bool Answered { get; set; }

    public required double Confidence { get; set; }

    /// <summary>Set when a parent said the answer did not help.</summary>
    public DateTimeOffset? NotHelpfulAt { get; set; }

    /// <summary>The question, only when it was not answered, with names and contact details taken out.</summary>
    public string? MissedQuestion { get; set; }

    public required DateTimeOffset CreatedAt { get; set; }
}
