using Microsoft.Extensions.Options;

namespace KlassenouderBot.Moderation.Azure;

public static class AzureLanguageSetup
{
    public const string HttpClientName = "AzureLanguage";

    /// <summary>
    /// With <c>AzureLanguage:Endpoint</c> and <c>AzureLanguage:Key</c> set, the tone analyser asks Azure for a
    /// second opinion and <c>/readyz</c> reports its circuit; without them nothing changes.
    /// </summary>
    public static IServiceCollection AddAzureLanguage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AzureLanguageOptions>().BindConfiguration(AzureLanguageOptions.SectionName);
        var options = configuration.GetSection(AzureLanguageOptions.SectionName).Get<AzureLanguageOptions>() ?? new AzureLanguageOptions();
        if (!options.IsConfigured)
        {
            return services;
        }

        services.AddHttpClient(HttpClientName);
        services.AddSingleton(sp => new AzureLanguageMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton(sp => new AzureSecondOpinion(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<IOptions<AzureLanguageOptions>>().Value,
            sp.GetRequiredService<School.SchoolSource>(),
            sp.GetRequiredService<LocalToneAnalyzer>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<AzureLanguageMetrics>(),
            sp.GetRequiredService<ILogger<AzureSentimentClient>>()));
        services.AddSingleton<IToneAnalyzer>(sp => sp.GetRequiredService<AzureSecondOpinion>().Analyzer);
        services.AddHealthChecks().AddCheck<AzureLanguageHealthCheck>("azure-language", tags: ["ready"]);
        return services;
    }

    /// <summary>Checks the Azure settings now, so a wrong endpoint stops start-up with one line instead of failing every call.</summary>
    public static bool TryValidate(IServiceProvider services, TextWriter error)
    {
        var problem = services.GetRequiredService<IOptions<AzureLanguageOptions>>().Value.Problem();
        if (problem is null)
        {
            return true;
        }

        error.WriteLine($"error: {problem}");
        return false;
    }
}
