using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KlassenouderBot.IntegrationTests.Faults;

/// <summary>
/// The real program in a child process (the build next to the tests), configured only by environment variables
/// the way an operator does it, so that it can be killed with SIGKILL and started again on the same database.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _errors;

    private BotProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        _errors = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts the program with <paramref name="settings"/> (configuration keys with <c>:</c>) and waits until <c>/healthz</c> answers.</summary>
    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var port = FreePort();
        var bot = new BotProcess(Process.Start(StartInfo(settings, port))!, new Uri($"http://127.0.0.1:{port}/"));
        await bot.WaitUntilAliveAsync();
        return bot;
    }

    /// <summary>Runs the program with <paramref name="settings"/> until it exits by itself (a start-up that is refused).</summary>
    public static async Task<(int ExitCode, string Error)> RunToExitAsync(IReadOnlyDictionary<string, string?> settings)
    {
        using var process = Process.Start(StartInfo(settings, FreePort()))!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await error);
    }

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string?> settings, int port)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KlassenouderBot.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        }

        return start;
    }

    /// <summary>SIGKILL: no shutdown, no flushing, no goodbye.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilAliveAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The bot exited with {_process.ExitCode}: {await _errors}");
            }

            try
            {
                if ((await client.GetAsync(new Uri("healthz", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
        }

        throw new TimeoutException("The bot did not answer /healthz within a minute.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
