namespace KlassenouderBot.Data.Entities;

/// <summary>A message some instance has handled, by a one-way key; kept for a day.</summary>
public sealed class ProcessedMessageRecord
{
    /// <summary>Hex SHA-256 of the conversation key, the message id and the text.</summary>
    public required string Key { get; set; }

    public required DateTimeOffset ClaimedAt { get; set; }
}
