using KlassenouderBot.Hosting;
using Microsoft.Extensions.Configuration;

namespace KlassenouderBot.Tests.Hosting;

public sealed class AppSettingsLocationTests
{
    [Fact]
    public void UseBinaryFolderWhenMissing_ContentRootWithoutSettings_ReadsTheCopyNextToTheBinary()
    {
        var emptyFolder = Directory.CreateTempSubdirectory("klassenouderbot-root-").FullName;
        var configuration = new ConfigurationManager();
        configuration.SetBasePath(emptyFolder);
        configuration.AddJsonFile("appsettings.json", optional: true);
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Later"] = "wins" });
        configuration["Urls"].Should().BeNull();

        AppSettingsLocation.UseBinaryFolderWhenMissing(configuration, emptyFolder);

        configuration["Urls"].Should().Be("http://localhost:3978", "the README's dotnet run listens where the contract says");
        configuration["Later"].Should().Be("wins");
        Directory.Delete(emptyFolder);
    }
}
