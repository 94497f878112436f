using System.Security.Cryptography;
using System.Text;

namespace KlassenouderBot.Admin.Accounts;

/// <summary>
/// The one-time setup link for the first school admin. While the database has no account, start-up makes a
/// random token and logs the link; it lives only in this process's memory and is spent by the first use.
/// </summary>
public sealed class FirstAdminSetup
{
    public const string PathPrefix = "/admin/setup/";

    private readonly Lock _gate = new();
    private string? _token;

    /// <summary>Makes the token (once) and returns the link's path.</summary>
    public string Open()
    {
        lock (_gate)
        {
            _token ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            return PathPrefix + _token;
        }
    }

    public bool IsValid(string? token)
    {
        lock (_gate)
        {
            return Matches(token);
        }
    }

    /// <summary>Spends the token: true for exactly one caller holding the right one.</summary>
    public bool TrySpend(string? token)
    {
        lock (_gate)
        {
            if (!Matches(token))
            {
                return false;
            }

            _token = null;
            return true;
        }
    }

    private bool Matches(string? token) =>
        _token is not null && token is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(_token), Encoding.ASCII.GetBytes(token));
}

/// <summary>After the migrations (hosted services start in order): no account yet means a setup link in the log.</summary>
internal sealed class FirstAdminSetupService(IServiceScopeFactory scopes, FirstAdminSetup setup, ILogger<FirstAdminSetupService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (!await scope.ServiceProvider.GetRequiredService<Accounts>().AnyAsync(cancellationToken))
        {
            logger.FirstAdminLink(setup.Open());
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
