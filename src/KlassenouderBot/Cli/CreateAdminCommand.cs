using KlassenouderBot.Admin.Accounts;
using KlassenouderBot.Data;
using KlassenouderBot.Data.Entities;

namespace KlassenouderBot.Cli;

/// <summary>
/// <c>create-admin --email EMAIL --password-stdin [--name NAME]</c>: the first school admin, on the database the
/// server uses (migrated first). The password comes from standard input, never from the command line, where it
/// would stay in the shell's history and the process list.
/// </summary>
internal static class CreateAdminCommand
{
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, IConfiguration configuration)
    {
        var parsed = CliArguments.Parse(args, new HashSet<string> { "email", "name" }, new HashSet<string> { "password-stdin" });
        var email = parsed.Value("email");
        if (string.IsNullOrWhiteSpace(email) || !parsed.Has("password-stdin") || parsed.Positional.Count > 0)
        {
            throw new CliUsageException("usage: create-admin --email EMAIL --password-stdin [--name NAME] (the password on standard input)");
        }

        var password = (await input.ReadLineAsync())?.TrimEnd('\r') ?? "";
        if (password.Length == 0)
        {
            throw new CliUsageException("no password on standard input (e.g. read -rs PW && echo \"$PW\" | … create-admin --email … --password-stdin)");
        }

        var services = new ServiceCollection()
            .AddSingleton(configuration)
            .AddLogging()
            .AddData(configuration);
        services.AddAccounts();
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

        await using var scope = provider.CreateAsyncScope();
        var (account, problem) = await scope.ServiceProvider.GetRequiredService<Accounts>()
            .CreateAsync(new NewAccount(email, parsed.Value("name") ?? "", password, AccountRole.SchoolAdmin, []));
        if (account is null)
        {
            throw new CliUsageException(problem!);
        }

        await output.WriteLineAsync($"created school admin {account.Email}; sign in at /admin");
        return 0;
    }
}
