using KlassenouderBot.Moderation;
using KlassenouderBot.Outbox;
using KlassenouderBot.Platforms;
using KlassenouderBot.School;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KlassenouderBot.Data;

public static class DataSetup
{
    /// <summary>
    /// The database (SQLite by default, PostgreSQL with <c>Storage:Provider=Postgres</c>), its
    /// migrations at start-up, the stored conversation links, the persisting intervention sink and
    /// retention. Call after <c>AddSchool</c>: the stored links replace the school's in-memory ones.
    /// </summary>
    /// <remarks>
    /// The connection string is <c>ConnectionStrings:KlassenouderBot</c>, by default
    /// <c>Data Source=data/klassenouderbot.db</c>. A relative SQLite path is relative to the current
    /// directory of the process (not the content root or the binary's folder); its folder is created
    /// at start-up when missing.
    /// </remarks>
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        // Read when the first context is made, not now, so test hosts can still override configuration. Pooled:
        // several contexts are made for most messages, and setting one up was a seventh of a message's CPU.
        services.AddPooledDbContextFactory<BotDbContext>((sp, options) =>
        {
            var provider = sp.GetRequiredService<IOptions<StorageOptions>>().Value.ParsedProvider;
            var connectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                connectionString = StorageOptions.DefaultConnectionString;
            }

            _ = provider switch
            {
                StorageProvider.Postgres => options.UseNpgsql(connectionString),
                _ => options.UseSqlite(connectionString),
            };
        });

        services.AddSingleton<DatabaseMigrator>();
        services.AddHostedService<DatabaseMigrationService>();

        // After the migrations: the admin app's saved school replaces the file's before the first message.
        // Only with a school registered (AddSchool comes first); the database alone works without one.
        if (services.Any(d => d.ServiceType == typeof(SchoolSource)))
        {
            services.AddSingleton<SchoolDocuments>();
            services.AddHostedService<SchoolDocumentSync>();
        }
        services.AddHostedService<RetentionService>(sp => sp.GetRequiredService<RetentionService>());
        services.AddSingleton<RetentionService>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]).AddCheck<OutboxHealthCheck>("outbox", tags: ["ready"]);

        services.Replace(ServiceDescriptor.Singleton<IConversationLinks, EfConversationLinks>());

        // A redelivery that reaches another instance is still handled once (AddMessagePipeline keeps this one).
        // Only where there can be other instances: SQLite is one instance's file, and a write per message
        // there would only cost time.
        services.Replace(ServiceDescriptor.Singleton<Pipeline.IProcessedMessages>(sp =>
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.ParsedProvider == StorageProvider.Postgres
                ? ActivatorUtilities.CreateInstance<DatabaseProcessedMessages>(sp)
                : new Pipeline.InMemoryProcessedMessages()));

        // A restart resumes the Discord gateway session instead of missing what was written meanwhile (AddDiscord keeps this one).
        services.AddSingleton<Platforms.Discord.IDiscordSessionStore, DatabaseDiscordSessions>();

        // Several instances must agree on a conversation's heat; one instance keeps it in memory (AddModeration,
        // called later, only adds its in-memory store when none is registered).
        services.AddSingleton<IConversationStates>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.UsesSharedConversationState
            ? ActivatorUtilities.CreateInstance<DatabaseConversationStates>(sp)
            : new InMemoryConversationStates());

        // AddModeration (called later) only adds its ChatSenderInterventionSink when no sink is registered.
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<OutboxOptions>>().Value);
        services.AddSingleton<InterventionOutbox>();
        services.AddHostedService(sp => new OutboxSender(
            () => sp.GetService<ChatSenderInterventionSink>() is null ? null : sp.GetRequiredService<InterventionOutbox>(),
            sp.GetRequiredService<OutboxOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<OutboxSender>>()));
        services.AddSingleton<IInterventionSink>(sp => sp.GetRequiredService<InterventionOutbox>());
        return services;
    }

    /// <summary>
    /// Reads the storage, privacy and outbox settings before the app starts, so a bad value is one line on stderr
    /// (exit 2) rather than a stack trace from the host.
    /// </summary>
    public static bool TryValidate(IServiceProvider services, TextWriter error) =>
        StartupCheck.TryValidate<StorageOptions>(services, error, "Storage")
        && StartupCheck.TryValidate<PrivacyOptions>(services, error, "Privacy")
        && StartupCheck.TryValidate<OutboxOptions>(services, error, "Outbox");
}
