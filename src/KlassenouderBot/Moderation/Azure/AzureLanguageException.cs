namespace KlassenouderBot.Moderation.Azure;

/// <summary>Azure AI Language answered, but not with results the bot can use (an error status or a malformed body).</summary>
/// <param name="message">What went wrong, without the message text.</param>
/// <param name="reported">True when it has been logged already (a refused key is said once, as an error).</param>
public sealed class AzureLanguageException(string message, bool reported = false) : Exception(message)
{
    public bool Reported { get; } = reported;
}
