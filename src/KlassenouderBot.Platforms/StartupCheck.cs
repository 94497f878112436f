using Microsoft.Extensions.Options;

namespace KlassenouderBot.Platforms;

/// <summary>Reads a platform's options once before the app starts, so a bad setting is one line on stderr (exit 2) rather than a stack trace.</summary>
public static class StartupCheck
{
    /// <summary>Reads <typeparamref name="TOptions"/>; on a bad value writes one line naming <paramref name="label"/> and returns false.</summary>
    public static bool TryValidate<TOptions>(IServiceProvider services, TextWriter error, string label)
        where TOptions : class
    {
        try
        {
            _ = services.GetRequiredService<IOptions<TOptions>>().Value;
            return true;
        }
        catch (OptionsValidationException exception)
        {
            error.WriteLine($"{label} configuration: {string.Join(" ", exception.Failures)}");
            return false;
        }
        catch (InvalidOperationException exception)
        {
            // A value that cannot be bound at all, e.g. an unknown MicrosoftAppType.
            error.WriteLine($"{label} configuration: {exception.Message}");
            return false;
        }
    }
}
