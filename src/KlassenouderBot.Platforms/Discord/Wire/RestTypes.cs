namespace KlassenouderBot.Platforms.Discord.Wire;

/// <summary>
/// <c>POST /channels/{id}/messages</c> (and the data of an interaction response). Mentions are never
/// parsed (<c>allowed_mentions.parse: []</c>): nothing the bot posts can ping a parent group.
/// </summary>
internal sealed class CreateMessage
{
    public string? Content { get; set; }

    /// <summary>With <see cref="EnforceNonce"/>, a retried send returns the first message instead of posting twice.</summary>
    public string? Nonce { get; set; }

    public bool? EnforceNonce { get; set; }

    public AllowedMentions AllowedMentions { get; set; } = AllowedMentions.None;

    public MessageReference? MessageReference { get; set; }

    public List<Embed>? Embeds { get; set; }

    public List<Component>? Components { get; set; }

    public int? Flags { get; set; }
}

/// <summary>Who a message may ping.</summary>
internal sealed class AllowedMentions
{
    public static AllowedMentions None => new();

    public List<string> Parse { get; set; } = [];

    public bool RepliedUser { get; set; }
}

internal sealed class Embed
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    public int? Color { get; set; }

    public List<EmbedField>? Fields { get; set; }

    public EmbedFooter? Footer { get; set; }
}

internal sealed class EmbedField
{
    public required string Name { get; set; }

    public required string Value { get; set; }

    public bool Inline { get; set; }
}

internal sealed class EmbedFooter
{
    public required string Text { get; set; }
}

/// <summary>An action row (type 1) or a button (type 2).</summary>
internal sealed class Component
{
    public int Type { get; set; }

    public int? Style { get; set; }

    public string? Label { get; set; }

    public string? CustomId { get; set; }

    public bool? Disabled { get; set; }

    public List<Component>? Components { get; set; }
}

/// <summary><c>POST /interactions/{id}/{token}/callback</c>.</summary>
internal sealed class InteractionResponse
{
    public int Type { get; set; }

    public CreateMessage? Data { get; set; }
}

/// <summary><c>POST /users/@me/channels</c>.</summary>
internal sealed class CreateDmRequest
{
    public required string RecipientId { get; set; }
}

/// <summary>Discord's error body, also the 429 body.</summary>
internal sealed class DiscordError
{
    public int Code { get; set; }

    public string? Message { get; set; }

    /// <summary>429 only: seconds, fractional.</summary>
    public double? RetryAfter { get; set; }

    /// <summary>429 only: the global limit was hit, not a route's.</summary>
    public bool? Global { get; set; }
}
