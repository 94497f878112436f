using KlassenouderBot.Data.Entities;

namespace KlassenouderBot.IntegrationTests.Admin;

/// <summary>A fresh app for each test with the school admin's account; a test class adds what else it needs.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xUnit disposes the app through IAsyncLifetime.DisposeAsync.")]
public abstract class AdminAppTest : IAsyncLifetime
{
    protected const string SchoolAdmin = "directie@wilgenhoek.nl";

    internal AdminApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new AdminApplication();
        await App.AddAccountAsync(SchoolAdmin, AccountRole.SchoolAdmin);
        await SeedAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>More accounts, alerts or records for the test class.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;
}
