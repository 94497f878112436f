using KlassenouderBot.School;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KlassenouderBot.Tests.School;

public sealed class SchoolSetupTests : IDisposable
{
    private readonly TempSchoolFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static ServiceProvider CreateProvider(string? configPath)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(configPath is null ? [] : [new("School:ConfigPath", configPath)])
            .Build();
        return new ServiceCollection().AddLogging().AddSchool(configuration).BuildServiceProvider();
    }

    [Fact]
    public void AddSchool_BadConfigFile_ThrowsWhenSchoolConfigurationIsResolved()
    {
        var path = _files.Write("school:\n  name: \"Test\"\n  contacts: \"oops\"\n");
        using var provider = CreateProvider(path);

        var act = () => provider.GetRequiredService<SchoolSource>().Current;

        act.Should().Throw<SchoolConfigurationException>().WithMessage($"{path}:3: school.contacts must be a list*");
    }

    [Fact]
    public void AddSchool_NoConfigPath_LoadsTheBundledSampleOnce()
    {
        using var provider = CreateProvider(configPath: null);

        var school = provider.GetRequiredService<SchoolSource>().Current;

        school.Name.Should().Be("Kindcentrum De Wilgenhoek");
        provider.GetRequiredService<SchoolSource>().Current.Should().BeSameAs(school);
    }

    [Fact]
    public void AddSchool_EmptyConfigPath_FallsBackToTheBundledSample()
    {
        using var provider = CreateProvider(configPath: "");

        provider.GetRequiredService<SchoolSource>().Current.SourcePath.Should().Be(Path.GetFullPath(SchoolOptions.DefaultConfigPath));
    }

    [Fact]
    public async Task AddSchool_ConversationLinks_AreInMemoryAndSeededFromTheFile()
    {
        var path = _files.Write("""
            school:
              name: "Test school"
              contacts:
                - groep: "5"
            conversations:
              - conversation: "Discord:42"
                groep: "5"
            """);
        using var provider = CreateProvider(path);

        var links = provider.GetRequiredService<IConversationLinks>();

        links.Should().BeOfType<InMemoryConversationLinks>();
        var groep = await links.GetGroepAsync(new KlassenouderBot.Platforms.ConversationRef(KlassenouderBot.Platforms.Platform.Discord, "42"), CancellationToken.None);
        groep.Should().Be("5");
    }

    [Fact]
    public void TryLoadSchool_BadConfigFile_WritesOneErrorLineAndReturnsFalse()
    {
        var path = _files.Write("- not a school\n");
        using var provider = CreateProvider(path);
        using var error = new StringWriter();

        var loaded = SchoolSetup.TryLoadSchool(provider, error);

        loaded.Should().BeFalse();
        error.ToString().Should().StartWith($"error: {path}:1: the top level must be a mapping");
        error.ToString().TrimEnd().Should().NotContain("\n");
    }

    [Fact]
    public void TryLoadSchool_GoodConfigFile_ReturnsTrue()
    {
        using var provider = CreateProvider(configPath: null);
        using var error = new StringWriter();

        SchoolSetup.TryLoadSchool(provider, error).Should().BeTrue();
        error.ToString().Should().BeEmpty();
    }
}
