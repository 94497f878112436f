using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KlassenouderBot.IntegrationTests;

/// <summary>
/// The real app for a platform's end-to-end tests: its own temp folder with a SQLite file and a copy of
/// the sample school (changed by the platform), the playground off, the given settings on top of
/// everything else, and test-only services (shorter timings) from the subclass.
/// </summary>
internal abstract class BotApplication : WebApplicationFactory<Program>
{
    private readonly string _environment;
    private readonly Dictionary<string, string?> _settings;

    protected BotApplication(string folderPrefix, Func<string, string> changeSchool, IReadOnlyDictionary<string, string?> settings, string environment)
    {
        Directory = Path.Combine(Path.GetTempPath(), $"{folderPrefix}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Directory);
        SchoolConfigPath = WriteSchool(Directory, changeSchool);
        _environment = environment;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ConnectionStrings:KlassenouderBot"] = $"Data Source={Path.Combine(Directory, "klassenouderbot.db")}",
            ["Playground:Enabled"] = "false",
            ["School:ConfigPath"] = SchoolConfigPath,
        };
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }
    }

    /// <summary>The app's temp folder.</summary>
    public string Directory { get; }

    /// <summary>The school YAML written for this app.</summary>
    public string SchoolConfigPath { get; }

    public IReadOnlyDictionary<string, string?> Settings => _settings;

    /// <summary>Copies the sample school and its guide into <paramref name="directory"/>, the YAML changed by <paramref name="changeSchool"/>.</summary>
    public static string WriteSchool(string directory, Func<string, string> changeSchool)
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "SampleSchool");
        var path = Path.Combine(directory, "school.yaml");
        File.WriteAllText(path, changeSchool(File.ReadAllText(Path.Combine(sample, "wilgenhoek.yaml"))));
        File.Copy(Path.Combine(sample, "wilgenhoek-schoolgids.md"), Path.Combine(directory, "wilgenhoek-schoolgids.md"), overwrite: true);
        return path;
    }

    /// <summary>Replaces text that must occur exactly once, so a changed sample school fails loudly here.</summary>
    public static string ReplaceOnce(string text, string oldValue, string newValue)
    {
        var index = text.IndexOf(oldValue, StringComparison.Ordinal);
        if (index < 0 || text.IndexOf(oldValue, index + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"The sample school no longer contains exactly one '{oldValue.Trim()}'; update the test application that changes it.");
        }

        return string.Concat(text.AsSpan(0, index), newValue, text.AsSpan(index + oldValue.Length));
    }

    /// <summary>Services that replace the app's for the tests (shorter timings).</summary>
    protected abstract void ConfigureTestServices(IServiceCollection services);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);

        // UseSetting is visible while Program.cs registers services; the in-memory source comes last, so
        // it wins over appsettings files and environment variables.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureTestServices(ConfigureTestServices);
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold the file for a moment on some systems; a temp folder is fine to leave.
            }
        }
    }
}
