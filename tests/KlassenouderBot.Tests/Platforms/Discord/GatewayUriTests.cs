using KlassenouderBot.Platforms.Discord.Gateway;

namespace KlassenouderBot.Tests.Platforms.Discord;

public sealed class GatewayUriTests
{
    [Fact]
    public void GatewayUri_Wss_PinsVersionAndEncoding() =>
        GatewayShard.GatewayUri("wss://gateway.discord.gg")!.AbsoluteUri.Should().Be("wss://gateway.discord.gg/?v=10&encoding=json");

    [Fact]
    public void GatewayUri_ResumeUrlWithItsOwnQuery_ReplacesTheQuery() =>
        GatewayShard.GatewayUri("wss://gateway-us-east1-b.discord.gg/?v=9&encoding=etf")!.AbsoluteUri
            .Should().Be("wss://gateway-us-east1-b.discord.gg/?v=10&encoding=json");

    [Theory]
    [InlineData("ws://127.0.0.1:5/resume", "ws://127.0.0.1:5/resume?v=10&encoding=json")]
    [InlineData("ws://localhost:5/", "ws://localhost:5/?v=10&encoding=json")]
    [InlineData("ws://[::1]:5/gw", "ws://[::1]:5/gw?v=10&encoding=json")]
    public void GatewayUri_PlainWsToLoopback_KeepsThePath(string url, string expected) =>
        GatewayShard.GatewayUri(url)!.AbsoluteUri.Should().Be(expected);

    [Theory]
    [InlineData("ws://gateway.discord.gg")]
    [InlineData("ws://10.1.2.3:5/")]
    [InlineData("https://gateway.discord.gg")]
    [InlineData("not a url")]
    [InlineData("")]
    public void GatewayUri_UnencryptedToAnotherMachineOrGarbage_IsNull(string url) =>
        GatewayShard.GatewayUri(url).Should().BeNull();
}
