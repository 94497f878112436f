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

    [Theory]
    [InlineData("0-3", new[] { 0, 1, 2, 3 })]
    [InlineData("4-5, 7", new[] { 4, 5, 7 })]
    [InlineData(" 2 - 3 ", new[] { 2, 3 })]
    [InlineData("6-6", new[] { 6 })]
    public void Bind_ShardIdRanges_AreExpanded(string text, int[] expected)
    {
        var options = Bind(new() { ["Discord:Token"] = "t", ["Discord:ShardCount"] = "8", ["Discord:ShardIds"] = text });

        options.ShardIds.Should().Equal(expected);
        Validate(options).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Bind_ShardIdRangeInAnArraySection_IsExpanded()
    {
        var options = Bind(new() { ["Discord:Token"] = "t", ["Discord:ShardCount"] = "8", ["Discord:ShardIds:0"] = "0-1", ["Discord:ShardIds:1"] = "5" });

        options.ShardIds.Should().Equal(0, 1, 5);
    }

    [Theory]
    [InlineData("0,x", "'x'")]
    [InlineData("3-1", "'3-1'")]
    [InlineData("-1", "'-1'")]
    [InlineData("0-", "'0-'")]
    [InlineData("1.5", "'1.5'")]
    [InlineData("0-99999999", "'0-99999999'")]
    public void Validate_MalformedShardIds_AreRefusedNamingTheEntry(string text, string named)
    {
        var options = Bind(new() { ["Discord:Token"] = "t", ["Discord:ShardCount"] = "4", ["Discord:ShardIds"] = text });

        var result = Validate(options);

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("Discord:ShardIds").And.Contain(named).And.Contain("'0-3'", "the message shows how to write it");
        result.Failures.Should().ContainSingle().Which.Should().NotContain("\n", "one line");
    }

    [Fact]
    public void Validate_RangeReachingPastShardCount_NamesTheShard()
    {
        var options = Bind(new() { ["Discord:Token"] = "t", ["Discord:ShardCount"] = "4", ["Discord:ShardIds"] = "2-4" });

        var result = Validate(options);

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("shard 4 is outside 0-3");
    }

    [Fact]
    public void Validate_OverlappingRanges_NameTheShardListedTwice()
    {
        var options = Bind(new() { ["Discord:Token"] = "t", ["Discord:ShardCount"] = "4", ["Discord:ShardIds"] = "0-2,2" });

        var result = Validate(options);

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("shard 2 twice");
    }

    [Fact]
    public void Bind_Twice_ForgetsTheFirstShardIds()
    {
        var options = Bind(new() { ["Discord:Token"] = "t", ["Discord:ShardCount"] = "4", ["Discord:ShardIds"] = "x" });

        options.Bind(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:Token"] = "t", ["Discord:ShardCount"] = "4", ["Discord:ShardIds"] = "1" }).Build());

        options.ShardIds.Should().Equal(1);
        Validate(options).Succeeded.Should().BeTrue();
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
