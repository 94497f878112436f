using KlassenouderBot.IntegrationTests.Teams;
using KlassenouderBot.IntegrationTests.Teams.Fakes;

namespace KlassenouderBot.LoadTest;

/// <summary>
/// Microsoft's side of Teams, hosted in the generator: the integration tests' fake login services (which
/// sign the channel token) and fake Bot Connector (which the bot answers through). The connector keeps
/// every request it gets in memory; the bot says little per message, so that stays small, and it is
/// the generator's memory, not the app's.
/// </summary>
internal sealed class FakeTeams : IAsyncDisposable
{
    private FakeTeams(FakeBotFrameworkIdentity identity, FakeBotConnector connector)
    {
        Identity = identity;
        Connector = connector;

        // Signed once: the Bot Connector reuses one token for up to an hour, so this is what a bot sees.
        ChannelToken = identity.CreateChannelToken(TeamsTestData.AppId, connector.ServiceUrl);
    }

    public FakeBotFrameworkIdentity Identity { get; }

    public FakeBotConnector Connector { get; }

    public string ChannelToken { get; }

    public static async Task<FakeTeams> StartAsync()
    {
        var identity = await FakeBotFrameworkIdentity.StartAsync();
        identity.RegisterClient(TeamsTestData.TenantId, TeamsTestData.AppId, TeamsTestData.AppPassword);
        return new FakeTeams(identity, await FakeBotConnector.StartAsync(identity));
    }

    /// <summary>The bot's registration and every login and metadata URL, as the app's root configuration keys.</summary>
    public IEnumerable<KeyValuePair<string, string>> BotSettings()
    {
        yield return new("MicrosoftAppType", "SingleTenant");
        yield return new("MicrosoftAppId", TeamsTestData.AppId);
        yield return new("MicrosoftAppPassword", TeamsTestData.AppPassword);
        yield return new("MicrosoftAppTenantId", TeamsTestData.TenantId);
        yield return new("ToBotFromChannelOpenIdMetadataUrl", Identity.ChannelMetadataUrl);
        yield return new("ToBotFromChannelTokenIssuer", FakeBotFrameworkIdentity.ChannelIssuer);
        yield return new("ToBotFromEmulatorOpenIdMetadataUrl", Identity.EntraMetadataUrl(TeamsTestData.TenantId));
        yield return new("ToChannelFromBotLoginUrl", Identity.LoginUrl(TeamsTestData.TenantId));
        yield return new("ToChannelFromBotOAuthScope", FakeBotFrameworkIdentity.BotFrameworkResource);
    }

    public async ValueTask DisposeAsync()
    {
        await Connector.DisposeAsync();
        await Identity.DisposeAsync();
    }
}
