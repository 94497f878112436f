namespace KlassenouderBot.Moderation.Analysis;

/// <summary>A message prepared for analysis. Lives only as long as one assessment.</summary>
internal sealed class NormalizedText
{
    public required IReadOnlyList<Token> Tokens { get; init; }

    /// <summary>The normalised words joined by single spaces, for phrase patterns.</summary>
    public required string Joined { get; init; }

    /// <summary>Share of upper-case letters among all letters, over messages with enough letters.</summary>
    public required double UpperRatio { get; init; }

    public required int AllCapsWords { get; init; }

    public required int LetterCount { get; init; }

    public required EmojiCues Emoji { get; init; }

    /// <summary>"??" or "?!": asked with emphasis.</summary>
    public required bool EmphaticQuestion { get; init; }

    /// <summary>Words wrapped in quotes in the original ('ziek', "kutschool").</summary>
    public required IReadOnlyList<string> QuotedPhrases { get; init; }
}

[Flags]
internal enum EmojiCues
{
    None = 0,
    EyeRoll = 1,
    Clap = 2,
    Vomit = 4,
    Clown = 8,
    Angry = 16,
    Laughing = 32,
    Heart = 64,
    UpsideDown = 128,
    Middlefinger = 256,
    Weapon = 512,
    Disgust = 1024,
    Pray = 2048,
}
