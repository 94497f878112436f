namespace KlassenouderBot.IntegrationTests.Browser;

/// <summary>
/// A test in a real headless Chromium (Debian's <c>chromium</c>, driven by Playwright; no browser download).
/// Skipped on a machine without it, except under CI (<c>CI=true</c>), where a missing browser must fail, not skip.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string VariableName = "KLASSENOUDERBOT_TEST_CHROMIUM";

    public BrowserFactAttribute()
    {
        if (!File.Exists(ExecutablePath) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"No Chromium at {ExecutablePath}: apt-get install chromium, or set {VariableName}";
        }
    }

    public static string ExecutablePath => Environment.GetEnvironmentVariable(VariableName) is { Length: > 0 } path ? path : "/usr/bin/chromium";
}
