using KlassenouderBot.Platforms;

namespace KlassenouderBot.Data.Entities;

/// <summary>Which groep a group conversation belongs to; the pair platform + conversation id is the key.</summary>
public sealed class ConversationLink
{
    public required Platform Platform { get; set; }

    public required string ConversationId { get; set; }

    public required string Groep { get; set; }

    /// <summary>The chat or channel title, so an admin recognises the conversation.</summary>
    public string? Title { get; set; }

    public required DateTimeOffset LinkedAt { get; set; }
}
