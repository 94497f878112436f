using KlassenouderBot.Platforms.Discord;
using Microsoft.Extensions.Configuration;

namespace KlassenouderBot.Tests.Platforms.Discord;

public sealed class DiscordOptionsTests
{
    [Fact]
    public void Bind_NothingConfigured_KeepsTheDefaultsAndIsOff()
    {
        var options = Bind([]);

        options.Token.Should().BeEmpty();
        options.IsConfigured.Should().BeFalse();
        options.ApiBaseUrl.Should().Be("https://discord.com/api/v10");
        options.ShardCount.Should().Be(0);
        options.ShardIds.Should().BeEmpty();
    }

    [Fact]
    public void Bind_ShardIdsAsCommaSeparatedString_ReadsEachId()
    {
        var options = Bind(new() { ["Discord:Token"] = "t", ["Discord:ShardCount"] = "4", ["Discord:ShardIds"] = "0, 2" });

        options.ShardIds.Should().Equal(0, 2);
        options.ShardCount.Should().Be(4);
    }

    [Fact]
    public void Bind_ShardIdsAsArraySection_ReadsEachId()
    {
        var options = Bind(new() { ["Discord:Token"] = "t", ["Discord:ShardCount"] = "4", ["Discord:ShardIds:0"] = "1", ["Discord:ShardIds:1"] = "3" });

        options.ShardIds.Should().Equal(1, 3);
    }

    [Fact]
    public void Bind_ApiBaseUrlWithTrailingSlash_IsTrimmed()
    {
        var options = Bind(new() { ["Discord:ApiBaseUrl"] = " http://127.0.0.1:5005/api/v10/ " });

        options.ApiBaseUrl.Should().Be("http://127.0.0.1:5005/api/v10");
    }

    [Fact]
    public void Bind_TokenWithSurroundingWhitespace_IsTrimmedAndConfigured()
    {
        var options = Bind(new() { ["Discord:Token"] = "  abc.def  " });

        options.Token.Should().Be("abc.def");
        options.IsConfigured.Should().BeTrue();
    }

    [Fact]
    public void Bind_ShardCountNotANumber_BecomesNegativeSoTheValidatorRefusesIt()
    {
        var options = Bind(new() { ["Discord:Token"] = "t", ["Discord:ShardCount"] = "many" });

        options.ShardCount.Should().BeNegative();
        Validate(options).Failed.Should().BeTrue();
    }

    [Fact]
    public void Validate_NotConfigured_SucceedsWhateverElseIsSet() =>
        Validate(new DiscordOptions { ApiBaseUrl = "http://evil.example", ShardCount = -1, ShardIds = [5, 5] }).Succeeded.Should().BeTrue();

    [Fact]
    public void Validate_DefaultsWithAToken_Succeed() =>
        Validate(new DiscordOptions { Token = "abc.def" }).Succeeded.Should().BeTrue();

    [Theory]
    [InlineData("http://127.0.0.1:5005/api/v10")]
    [InlineData("http://localhost:5005/api/v10")]
    [InlineData("https://discord.test/api/v10")]
    public void Validate_HttpsOrLoopbackHttp_IsAllowed(string url) =>
        Validate(new DiscordOptions { Token = "t", ApiBaseUrl = url }).Succeeded.Should().BeTrue();

    [Theory]
    [InlineData("http://discord.example/api/v10")]
    [InlineData("http://10.0.0.5/api/v10")]
    [InlineData("ftp://discord.com/api/v10")]
    [InlineData("discord.com/api/v10")]
    public void Validate_PlainHttpToAnotherMachineOrNoUrl_IsRefused(string url)
    {
        var result = Validate(new DiscordOptions { Token = "t", ApiBaseUrl = url });

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("Discord:ApiBaseUrl");
    }

    [Fact]
    public void Validate_TokenWithASpace_IsRefused()
    {
        var result = Validate(new DiscordOptions { Token = "Bot abc" });

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("Discord:Token");
    }

    [Fact]
    public void Validate_ShardIdsWithoutShardCount_IsRefused()
    {
        var result = Validate(new DiscordOptions { Token = "t", ShardIds = [0, 1] });

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("needs Discord:ShardCount");
    }

    [Fact]
    public void Validate_ShardIdNotBelowShardCount_IsRefused()
    {
        var result = Validate(new DiscordOptions { Token = "t", ShardCount = 2, ShardIds = [0, 2] });

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("below Discord:ShardCount (2)");
    }

    [Fact]
    public void Validate_ShardIdListedTwice_IsRefused()
    {
        var result = Validate(new DiscordOptions { Token = "t", ShardCount = 4, ShardIds = [1, 1] });

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("twice");
    }

    [Fact]
    public void Validate_NegativeShardCount_IsRefused()
    {
        var result = Validate(new DiscordOptions { Token = "t", ShardCount = -1 });

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("Discord:ShardCount");
    }

    [Fact]
    public void Validate_ShardIdThatIsNotANumber_IsRefused()
    {
        var options = Bind(new() { ["Discord:Token"] = "t", ["Discord:ShardCount"] = "2", ["Discord:ShardIds"] = "0,x" });

        var result = Validate(options);

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("Discord:ShardIds");
    }

    [Fact]
    public void Validate_ConsistentShards_Succeed() =>
        Validate(new DiscordOptions { Token = "t", ShardCount = 4, ShardIds = [2, 3] }).Succeeded.Should().BeTrue();

    private static DiscordOptions Bind(Dictionary<string, string?> settings)
    {
        var options = new DiscordOptions();
        options.Bind(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return options;
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(DiscordOptions options) =>
        new DiscordOptionsValidator().Validate(null, options);
}
