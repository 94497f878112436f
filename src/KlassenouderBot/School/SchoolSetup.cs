using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KlassenouderBot.School;

public static class SchoolSetup
{
    /// <summary>
    /// Registers the school (School:ConfigPath, or the bundled sample school) as a <see cref="SchoolSource"/>,
    /// read from the file on first use and changed later by the admin app, and in-memory conversation links
    /// unless storage registered its own.
    /// </summary>
    public static IServiceCollection AddSchool(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<SchoolOptions>().Bind(configuration.GetSection(SchoolOptions.SectionName));
        services.TryAddSingleton(provider =>
        {
            var configured = provider.GetRequiredService<IOptions<SchoolOptions>>().Value.ConfigPath;

            // An empty value (e.g. `School__ConfigPath=`) means "not configured", not "the working directory".
            var path = string.IsNullOrWhiteSpace(configured) ? SchoolOptions.DefaultConfigPath : configured;
            var school = SchoolConfigurationLoader.Load(path);
            provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SchoolSetup))
                .SchoolLoaded(school.Name, school.SourcePath ?? path, school.Classes.Count, school.Faq.Count);

            // The text as read (Load has checked it is UTF-8), for the admin app to edit and export.
            var yaml = File.ReadAllText(school.SourcePath ?? path);
            return new SchoolSource(new SchoolSnapshot(school, yaml.Length > 0 && yaml[0] == '\uFEFF' ? yaml[1..] : yaml, 0));
        });
        services.TryAddSingleton<IConversationLinks, InMemoryConversationLinks>();
        return services;
    }

    /// <summary>
    /// Loads the school configuration now, so that a bad file stops start-up with one line on
    /// <paramref name="error"/> instead of a stack trace from the first message that needs it.
    /// </summary>
    /// <returns>false when the file cannot be used; the reason has been written.</returns>
    public static bool TryLoadSchool(IServiceProvider services, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(error);

        try
        {
            _ = services.GetRequiredService<SchoolSource>();
            return true;
        }
        catch (SchoolConfigurationException exception)
        {
            error.WriteLine($"error: {exception.Message}");
            return false;
        }
    }
}
