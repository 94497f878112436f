namespace KlassenouderBot.IntegrationTests.Faults;

/// <summary>A bad storage, privacy or outbox setting stops the real program with one line and exit code 2, never a stack trace.</summary>
public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("Outbox:MaxAttempts", "0", "Outbox configuration: Outbox:MaxAttempts must be between 1 and 100.")]
    [InlineData("Outbox:Lease", "00:00:00.100", "Outbox configuration: Outbox:Lease must be at least 1 second.")]
    [InlineData("Storage:Provider", "MySql", "Storage configuration: Storage:Provider 'MySql' is not supported. Allowed values: Sqlite, Postgres.")]
    public async Task BadSetting_StopsWithOneLineAndExitCode2(string key, string value, string line)
    {
        var folder = Directory.CreateTempSubdirectory("klassenouderbot-settings-").FullName;

        var (exitCode, error) = await BotProcess.RunToExitAsync(new Dictionary<string, string?>
        {
            [key] = value,
            ["ConnectionStrings:KlassenouderBot"] = $"Data Source={Path.Combine(folder, "bot.db")}",
        });

        exitCode.Should().Be(2);
        error.Trim().Should().Be(line);
        File.Exists(Path.Combine(folder, "bot.db")).Should().BeFalse("nothing was started");
    }
}
