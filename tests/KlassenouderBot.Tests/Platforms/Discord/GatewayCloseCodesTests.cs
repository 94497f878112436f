using KlassenouderBot.Platforms.Discord.Gateway;

namespace KlassenouderBot.Tests.Platforms.Discord;

public sealed class GatewayCloseCodesTests
{
    [Theory]
    [InlineData(null, "Resume")]
    [InlineData(1000, "Reidentify")]
    [InlineData(1001, "Reidentify")]
    [InlineData(4000, "Resume")]
    [InlineData(4004, "Stop")]
    [InlineData(4007, "Reidentify")]
    [InlineData(4008, "Resume")]
    [InlineData(4009, "Reidentify")]
    [InlineData(4010, "Stop")]
    [InlineData(4011, "Stop")]
    [InlineData(4012, "Stop")]
    [InlineData(4013, "Stop")]
    [InlineData(4014, "Stop")]
    public void Classify_KnownCodes_FollowDiscordsReconnectColumn(int? closeCode, string expected) =>
        GatewayCloseCodes.Classify(closeCode).Next.ToString().Should().Be(expected);

    [Fact]
    public void Classify_UnknownCode_ResumesAndNamesTheCode()
    {
        var (next, meaning) = GatewayCloseCodes.Classify(4999);

        next.Should().Be(NextStep.Resume);
        meaning.Should().Contain("4999");
    }

    [Theory]
    [InlineData(4004, "Discord:Token")]
    [InlineData(4010, "Discord:ShardCount")]
    [InlineData(4011, "Discord:ShardCount")]
    [InlineData(4014, "Message Content Intent")]
    public void Classify_StopCodes_SayWhatToFix(int closeCode, string setting) =>
        GatewayCloseCodes.Classify(closeCode).Meaning.Should().Contain(setting);
}
