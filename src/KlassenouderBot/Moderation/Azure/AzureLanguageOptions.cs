namespace KlassenouderBot.Moderation.Azure;

/// <summary>
/// Azure AI Language as a second opinion on tone (section <c>AzureLanguage</c>). Off while the endpoint or
/// the key is empty: the local analyser then works alone, exactly as without this section.
/// </summary>
public sealed class AzureLanguageOptions
{
    public const string SectionName = "AzureLanguage";

    /// <summary>The resource endpoint, e.g. <c>https://my-resource.cognitiveservices.azure.com</c> (an EU region).</summary>
    public string? Endpoint { get; set; }

    public string? Key { get; set; }

    /// <summary>
    /// The most a message's assessment waits for Azure, batching and retries included; after it the local
    /// verdict stands alone. A parent never waits for the cloud.
    /// </summary>
    public TimeSpan Budget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the first message of a batch waits for others to join it (at most 10 per call).</summary>
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(40);

    public int MaxRetryAttempts { get; set; } = 2;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Calls in the sampling window before failures can open the circuit.</summary>
    public int CircuitMinimumThroughput { get; set; } = 4;

    /// <summary>How long an open circuit skips Azure before one probe call is let through.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a refused key (401/403) keeps the circuit open: a wrong key does not mend itself in seconds.</summary>
    public TimeSpan RefusedKeyBreakDuration { get; set; } = TimeSpan.FromMinutes(5);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Key);

    /// <summary>What is wrong with the settings, for one line at start-up; null when they can be used.</summary>
    public string? Problem()
    {
        if (!IsConfigured)
        {
            return null;
        }

        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            return $"AzureLanguage:Endpoint must be an https:// URL (http:// only on loopback), not '{Endpoint}'";
        }

        if (Budget <= TimeSpan.Zero || BatchWindow < TimeSpan.Zero || BatchWindow >= Budget)
        {
            return "AzureLanguage:Budget must be positive and longer than AzureLanguage:BatchWindow";
        }

        return MaxRetryAttempts is < 0 or > 10 ? "AzureLanguage:MaxRetryAttempts must be between 0 and 10" : null;
    }
}
