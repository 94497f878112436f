using System.Diagnostics;
using KlassenouderBot.Data;
using KlassenouderBot.IntegrationTests.Data;
using KlassenouderBot.IntegrationTests.Teams;
using KlassenouderBot.IntegrationTests.Teams.Fakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KlassenouderBot.IntegrationTests.Faults;

/// <summary>
/// PostgreSQL restarts while parents keep writing: every message is still assessed (each hurtful message earns
/// its author exactly one nudge), and the app uses the database again afterwards without being restarted.
/// </summary>
[Trait("Category", "Fault")]
[Collection(PostgresCollection.Name)]
public sealed class PostgresRestartFaultTests : PostgresSchemaTest
{
    protected override bool Configured => PostgresRestartFactAttribute.Configured;

    public override async Task DisposeAsync()
    {
        // The pool still holds connections the restart closed.
        Npgsql.NpgsqlConnection.ClearAllPools();
        await base.DisposeAsync();
    }

    [PostgresRestartFact]
    public async Task Restart_MidRun_NoMessageLostAndTheAppRecovers()
    {
        var run = FaultDurations.Pick(TimeSpan.FromSeconds(8), TimeSpan.FromMinutes(1));
        await using var host = await TeamsTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:KlassenouderBot"] = Database.ConnectionString,
            ["Outbox:PollInterval"] = "00:00:00.500",
            ["Outbox:BaseDelay"] = "00:00:01",
            ["Outbox:MaxDelay"] = "00:00:03",
            ["Outbox:MaxAttempts"] = "100",
            ["Outbox:Lease"] = "00:00:05",
        });
        var parents = new List<TeamsMember>();
        var clock = Stopwatch.StartNew();
        Task? restart = null;
        while (clock.Elapsed < run)
        {
            if (restart is null && clock.Elapsed > run / 3)
            {
                restart = RestartPostgresAsync();
            }

            var parent = TeamsTestData.NewParent(1000 + parents.Count);
            parents.Add(parent);
            (await host.PostAsync(host.Activities.GroupMessage(parent, TeamsTestData.AlsoHurtful, conversationId: $"19:restart-{parents.Count}@thread.v2"))).EnsureSuccessStatusCode();
            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
        }

        await restart!;
        foreach (var parent in parents)
        {
            await host.WaitForPrivateMessageAsync(parent, TimeSpan.FromSeconds(60));
        }

        await host.SendBarrierAsync();
        foreach (var parent in parents)
        {
            var personal = FakeBotConnector.PersonalConversationId(parent.Id);
            host.Connector.Requests.Count(r => r.IsActivityWriteTo(personal) && r.Succeeded).Should().Be(1, $"{parent.Name} is nudged once, restart or not");
        }

        // Recovered without a restart of the app: what it writes now reaches the database.
        await using var db = await host.App.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        var newest = await db.Interventions.AsNoTracking().OrderByDescending(i => i.CreatedAt).FirstAsync();
        newest.CreatedAt.Should().BeAfter(TimeProvider.System.GetUtcNow().AddSeconds(-30), "the barrier's nudge was stored after the restart");
        newest.DeliveredAt.Should().NotBeNull();
    }

    private static async Task RestartPostgresAsync()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(PostgresRestartFactAttribute.RestartCommand!);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, await error);
    }
}

/// <summary>A fact that restarts the test PostgreSQL: needs <c>KLASSENOUDERBOT_TEST_POSTGRES_RESTART</c> (<c>.ci/postgres.sh</c> prints it).</summary>
public sealed class PostgresRestartFactAttribute : FactAttribute
{
    public const string VariableName = "KLASSENOUDERBOT_TEST_POSTGRES_RESTART";

    public PostgresRestartFactAttribute()
    {
        if (!Configured)
        {
            Skip = $"PostgreSQL restart not configured: set {PostgresFactAttribute.VariableName} and {VariableName} to run this test";
        }
    }

    public static string? RestartCommand => Environment.GetEnvironmentVariable(VariableName);

    public static bool Configured => !string.IsNullOrWhiteSpace(PostgresFactAttribute.ConnectionString) && !string.IsNullOrWhiteSpace(RestartCommand);
}
