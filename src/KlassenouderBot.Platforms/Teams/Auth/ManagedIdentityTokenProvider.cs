using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace KlassenouderBot.Platforms.Teams.Auth;

/// <summary>
/// Tokens for a user-assigned managed identity through MSAL, which knows every Azure hosting environment's
/// identity endpoint and caches the token itself. Only used on Azure; tests cover the client-credentials path.
/// </summary>
internal sealed class ManagedIdentityTokenProvider(TeamsOptions options) : IBotTokenProvider
{
    private readonly IManagedIdentityApplication _application = ManagedIdentityApplicationBuilder
        .Create(ManagedIdentityId.WithUserAssignedClientId(options.AppId))
        .Build();

    public async ValueTask<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        try
        {
            // Managed identity takes the resource, not the "/.default" scope.
            var result = await _application
                .AcquireTokenForManagedIdentity(options.OAuthScope.Replace("/.default", "", StringComparison.Ordinal))
                .WithForceRefresh(forceRefresh)
                .ExecuteAsync(cancellationToken);
            return result.AccessToken;
        }
        catch (MsalException exception)
        {
            throw new BotTokenException($"The managed identity gave no token ({exception.ErrorCode}).", exception);
        }
    }
}
