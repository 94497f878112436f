namespace KlassenouderBot.Platforms;

/// <summary>The chat platform a conversation lives on.</summary>
public enum Platform
{
    /// <summary>The local group-chat simulator served at <c>/</c>.</summary>
    Playground,

    /// <summary>Microsoft Teams through the Bot Framework protocol.</summary>
    Teams,

    /// <summary>Discord through its Gateway and REST API.</summary>
    Discord,
}
