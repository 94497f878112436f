using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace KlassenouderBot.LoadTest;

/// <summary>
/// A server under load in a child process of its own (<c>dotnet some.dll</c>), so that its memory can be
/// read from <c>/proc</c> and it does not share a garbage collector with the generator. Configured only
/// through environment variables; its output goes to files in the run's folder.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _copyOutput;
    private readonly Task _copyErrors;

    private ServerProcess(Process process, Uri baseAddress, string outputPath, string errorPath)
    {
        _process = process;
        BaseAddress = baseAddress;
        OutputPath = outputPath;
        ErrorPath = errorPath;
        _copyOutput = CopyAsync(process.StandardOutput.BaseStream, outputPath);
        _copyErrors = CopyAsync(process.StandardError.BaseStream, errorPath);
    }

    public Uri BaseAddress { get; }

    public string OutputPath { get; }

    public string ErrorPath { get; }

    public int Id => _process.Id;

    /// <summary>User and system CPU time the server has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>
    /// Starts <c>dotnet <paramref name="dll"/> <paramref name="arguments"/></c> on a free loopback port (the
    /// <c>Urls</c> setting), its output to <paramref name="folder"/>.
    /// </summary>
    public static ServerProcess Start(string name, string dll, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string folder)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}/");
        var start = new ProcessStartInfo("dotnet")
        {
            // The binary's folder, as a service runs it. Not the run folder: ASP.NET Core watches its content
            // root (the working directory) for configuration changes, and would wake up on every database write.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The caller's shell may carry settings for a bot of its own; only what is given here counts.
        foreach (var key in start.Environment.Keys.Where(IsAspNetCoreSetting).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["Urls"] = baseAddress.ToString().TrimEnd('/');
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name}.");
        return new ServerProcess(process, baseAddress, Path.Combine(folder, $"{name}.stdout.log"), Path.Combine(folder, $"{name}.stderr.log"));
    }

    /// <summary>Waits until every path answers 200; fails with the server's last error lines when it exits first.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout, params string[] paths)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.GetTimestamp();
        foreach (var path in paths)
        {
            while (true)
            {
                if (_process.HasExited)
                {
                    await DrainOutputAsync();
                    throw new InvalidOperationException($"the server exited with code {_process.ExitCode} before it was ready: {await TailAsync(ErrorPath)}{await TailAsync(OutputPath)}");
                }

                try
                {
                    using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException)
                {
                    // Listening but busy starting.
                }

                if (Stopwatch.GetElapsedTime(started) > timeout)
                {
                    throw new TimeoutException($"{BaseAddress}{path.TrimStart('/')} did not answer 200 within {timeout.TotalSeconds:0} s; see {ErrorPath}");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
            }
        }
    }

    /// <summary>The working set (VmRSS) and its peak (VmHWM) now, from <c>/proc/{pid}/status</c>.</summary>
    public MemoryReading ReadMemory() => MemoryReading.Of(_process.Id);

    /// <summary>A warning or worse from the console logger ("warn:", "fail:", "crit:"), or a crash.</summary>
    public static bool IsProblemLine(string line) =>
        line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal)
        || line.StartsWith("crit:", StringComparison.Ordinal) || line.Contains("Unhandled exception", StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // It has exited already.
        }

        await _process.WaitForExitAsync();

        await DrainOutputAsync();
        _process.Dispose();
    }

    private async Task DrainOutputAsync()
    {
        try
        {
            await Task.WhenAll(_copyOutput, _copyErrors);
        }
        catch (IOException)
        {
            // The pipe broke as the process was killed; what was written is in the file.
        }
    }

    private static async Task CopyAsync(Stream from, string path)
    {
        await using var file = File.Create(path);
        await from.CopyToAsync(file);
    }

    private static async Task<string> TailAsync(string path)
    {
        if (!File.Exists(path))
        {
            return "";
        }

        var lines = (await File.ReadAllLinesAsync(path)).Where(l => l.Trim().Length > 0).TakeLast(5);
        return string.Join(" | ", lines);
    }

    private static bool IsAspNetCoreSetting(string key) =>
        key.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || key.StartsWith("DOTNET_gc", StringComparison.OrdinalIgnoreCase)
        || key.Contains("__", StringComparison.Ordinal) || key.StartsWith("MicrosoftApp", StringComparison.Ordinal)
        || key.StartsWith("ToBotFrom", StringComparison.Ordinal) || key.StartsWith("ToChannelFromBot", StringComparison.Ordinal)
        || key is "DOTNET_ENVIRONMENT" or "DOTNET_URLS" or "Urls" or "URLS";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// A process's resident memory: now (VmRSS, the working set), its peak so far (VmHWM), and the part of
/// VmRSS that is the process's own (RssAnon: heaps, stacks), not pages of mapped files such as assemblies.
/// </summary>
internal sealed record MemoryReading(double RssMegabytes, double PeakRssMegabytes, double AnonymousMegabytes)
{
    public static MemoryReading Of(int processId)
    {
        var status = File.ReadAllLines($"/proc/{processId}/status");
        double Megabytes(string name)
        {
            // "VmRSS:	  123456 kB"
            var line = status.FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"/proc/{processId}/status has no {name}.");
            var kilobytes = long.Parse(line[(name.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            return Math.Round(kilobytes / 1024.0, 1);
        }

        return new MemoryReading(Megabytes("VmRSS"), Megabytes("VmHWM"), Megabytes("RssAnon"));
    }
}
