using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace KlassenouderBot.IntegrationTests.Teams;

/// <summary>Structured logs carry ids, kinds and reasons, never what a parent wrote, at any level.</summary>
public sealed class TeamsLogPrivacyTests
{
    [Fact]
    public async Task Logs_AtEveryLevel_NeverContainAParentsMessage()
    {
        using var logs = new CapturingLoggerProvider();
        await using var host = await TeamsTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" }, logs: logs);
        const string Hurtful = "Die juf Zwanenburg is een waardeloze trut, echt een kwalle";
        const string Question = "Wanneer is de studiedag van groep vijf ongeveer?";

        host.Connector.FailNext(2, 500);
        (await host.PostAsync(host.Activities.GroupMessage(TeamsTestData.Mark, Hurtful, timestamp: TeamsTestData.Afternoon()))).EnsureSuccessStatusCode();
        (await host.PostAsync(host.Activities.GroupMessage(TeamsTestData.Ilse, "@KlassenouderBot " + Question))).EnsureSuccessStatusCode();
        await host.WaitForPrivateMessageAsync(TeamsTestData.Mark);
        await host.SendBarrierAsync();

        logs.Lines.Should().NotBeEmpty();
        logs.Lines.Should().NotContain(line => line.Contains("Zwanenburg", StringComparison.OrdinalIgnoreCase) || line.Contains("kwalle", StringComparison.OrdinalIgnoreCase)
            || line.Contains("studiedag van groep vijf", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Every message and every structured value, as text.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                owner.Lines.Enqueue($"{category} scope {state}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}")) : "";
                owner.Lines.Enqueue($"{category} {logLevel} {formatter(state, exception)} {values} {exception}");
            }
        }
    }
}
