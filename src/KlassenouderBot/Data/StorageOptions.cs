using Microsoft.Extensions.Options;

namespace KlassenouderBot.Data;

/// <summary>Which database the bot keeps its records in (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The name under <c>ConnectionStrings</c>.</summary>
    public const string ConnectionStringName = "KlassenouderBot";

    /// <summary>
    /// Used when <c>ConnectionStrings:KlassenouderBot</c> is empty. A relative SQLite path is relative
    /// to the process's current directory (not the content root), and its folder is created at start-up.
    /// </summary>
    public const string DefaultConnectionString = "Data Source=data/klassenouderbot.db";

    /// <summary><c>Sqlite</c> or <c>Postgres</c> (case-insensitive).</summary>
    /// <value>Default <c>Sqlite</c>.</value>
    public string Provider { get; set; } = nameof(StorageProvider.Sqlite);

    /// <summary>
    /// Keep each conversation's escalation state in the database, so several instances behind one load balancer
    /// agree on it. Costs one locked row update per message.
    /// </summary>
    /// <value>Default: on with PostgreSQL (the database for several instances), off with SQLite.</value>
    public bool? SharedConversationState { get; set; }

    internal bool UsesSharedConversationState => SharedConversationState ?? ParsedProvider == StorageProvider.Postgres;

    internal StorageProvider ParsedProvider =>
        TryParseProvider(Provider, out var provider)
            ? provider
            : throw new InvalidOperationException(StorageOptionsValidator.Describe(Provider));

    internal static bool TryParseProvider(string? value, out StorageProvider provider) =>
        Enum.TryParse(value, ignoreCase: true, out provider)
        && Enum.IsDefined(provider)
        && !int.TryParse(value, out _);
}

/// <summary>The databases the bot has SQL scripts for.</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Fails start-up on an unknown provider, naming the allowed values.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        StorageOptions.TryParseProvider(options.Provider, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(Describe(options.Provider));

    internal static string Describe(string? provider) =>
        $"Storage:Provider '{provider}' is not supported. Allowed values: {string.Join(", ", Enum.GetNames<StorageProvider>())}.";
}
