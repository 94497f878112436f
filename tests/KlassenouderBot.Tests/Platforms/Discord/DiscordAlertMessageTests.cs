using System.Text.Json;
using KlassenouderBot.Platforms;
using KlassenouderBot.Platforms.Discord;
using KlassenouderBot.Platforms.Discord.Wire;

namespace KlassenouderBot.Tests.Platforms.Discord;

public sealed class DiscordAlertMessageTests
{
    internal static readonly AlertView OpenAlert = new()
    {
        Id = "0195f3a2-7c41-7d2e-9b1a-3c5d7e9f1a2b",
        LevelLabel = "Escalatie",
        Groep = "5",
        Summary = "Een gesprek over de schoolreis loopt hoog op tussen drie ouders.",
        SuggestedStep = "Stuur de ouders een rustig berichtje en stel voor het met de leerkracht te bespreken.",
        WindowStart = new DateTimeOffset(2025, 10, 3, 20, 14, 0, TimeSpan.FromHours(2)),
        WindowEnd = new DateTimeOffset(2025, 10, 3, 20, 41, 0, TimeSpan.FromHours(2)),
    };

    [Fact]
    public void Create_OpenAlert_HasOneRowWithClaimAndFalseAlarmButtons()
    {
        var message = DiscordAlertMessage.Create(OpenAlert);

        var row = message.Components.Should().ContainSingle().Subject;
        row.Type.Should().Be(1);
        row.Components.Should().HaveCount(2);
        row.Components![0].Should().BeEquivalentTo(new { Type = 2, Label = "Ik pak het op", CustomId = $"alert:claim:{OpenAlert.Id}" });
        row.Components[1].Should().BeEquivalentTo(new { Type = 2, Label = "Geen probleem", CustomId = $"alert:false_alarm:{OpenAlert.Id}" });
        row.Components.Select(b => b.CustomId!.Length).Should().OnlyContain(length => length <= 100, "Discord's custom_id limit");
    }

    [Fact]
    public void Create_OpenAlert_HasSummaryLineAndEmbedWithTheFields()
    {
        var message = DiscordAlertMessage.Create(OpenAlert);

        message.Content.Should().Be("Melding klassenchat groep 5: Escalatie");
        var embed = message.Embeds.Should().ContainSingle().Subject;
        embed.Title.Should().Be("Klassenchat groep 5: Escalatie");
        embed.Description.Should().Be(OpenAlert.Summary);
        embed.Fields!.Select(f => f.Name).Should().Equal("Groep", "Wanneer", "Voorstel");
        embed.Fields![0].Value.Should().Be("5");
        embed.Fields[1].Value.Should().Contain("20:14–20:41").And.Contain($"<t:{OpenAlert.WindowStart.ToUnixTimeSeconds()}:R>");
        embed.Fields[2].Value.Should().Be(OpenAlert.SuggestedStep);
    }

    [Fact]
    public void Create_WithExcerpts_AddsThemQuoted()
    {
        var message = DiscordAlertMessage.Create(OpenAlert with { Excerpts = ["dit is belachelijk", "echt niet normaal"] });

        var excerpts = message.Embeds![0].Fields!.Should().ContainSingle(f => f.Name.StartsWith("Uit de chat")).Subject;
        excerpts.Value.Should().Be("“dit is belachelijk”\n“echt niet normaal”");
    }

    [Fact]
    public void Create_ClaimedAlert_HasNoButtonsAndSaysWho()
    {
        var claimed = OpenAlert with { Status = AlertViewStatus.Claimed, HandledBy = "Naima", HandledAt = new DateTimeOffset(2025, 10, 3, 20, 50, 0, TimeSpan.FromHours(2)) };

        var message = DiscordAlertMessage.Create(claimed);

        message.Components.Should().NotBeNull().And.BeEmpty();
        var status = message.Embeds![0].Fields!.Should().ContainSingle(f => f.Name == "Status").Subject;
        status.Value.Should().Contain("Opgepakt door Naima").And.Contain("20:50");
    }

    [Fact]
    public void Create_ClaimedAlert_SerializesAnEmptyComponentsListSoDiscordRemovesTheButtons()
    {
        var json = JsonSerializer.SerializeToElement(DiscordAlertMessage.Create(OpenAlert with { Status = AlertViewStatus.FalseAlarm, HandledBy = "Tom" }), DiscordJsonContext.Default.CreateMessage);

        json.GetProperty("components").ValueKind.Should().Be(JsonValueKind.Array);
        json.GetProperty("components").GetArrayLength().Should().Be(0);
        json.GetProperty("embeds")[0].GetProperty("fields").EnumerateArray()
            .Should().Contain(f => f.GetProperty("name").GetString() == "Status" && f.GetProperty("value").GetString()!.Contains("Geen probleem volgens Tom"));
    }

    [Fact]
    public void Create_OpenAlert_SerializesSnakeCaseCustomIds()
    {
        var json = JsonSerializer.SerializeToElement(DiscordAlertMessage.Create(OpenAlert), DiscordJsonContext.Default.CreateMessage);

        var button = json.GetProperty("components")[0].GetProperty("components")[0];
        button.GetProperty("custom_id").GetString().Should().Be($"alert:claim:{OpenAlert.Id}");
        button.GetProperty("style").GetInt32().Should().Be(1);
    }

    [Fact]
    public void Create_AlertWithoutGroep_SaysSo()
    {
        var message = DiscordAlertMessage.Create(OpenAlert with { Groep = null });

        message.Content.Should().Be("Melding klassenchat: Escalatie");
        message.Embeds![0].Fields![0].Value.Should().Be("niet gekoppeld");
    }

    [Fact]
    public void TryParse_ButtonsOfCreate_RoundTrip()
    {
        var buttons = DiscordAlertMessage.Create(OpenAlert).Components![0].Components!;

        DiscordAlertMessage.TryParse(buttons[0].CustomId, out var claimId, out var claim).Should().BeTrue();
        claimId.Should().Be(OpenAlert.Id);
        claim.Should().Be(AlertChoice.Claim);
        DiscordAlertMessage.TryParse(buttons[1].CustomId, out var falseAlarmId, out var falseAlarm).Should().BeTrue();
        falseAlarmId.Should().Be(OpenAlert.Id);
        falseAlarm.Should().Be(AlertChoice.FalseAlarm);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("alert:claim:")]
    [InlineData("alert:delete:42")]
    [InlineData("faq:helpful:42")]
    [InlineData("ALERT:CLAIM:42")]
    public void TryParse_Garbage_IsRefused(string? customId) =>
        DiscordAlertMessage.TryParse(customId, out _, out _).Should().BeFalse();
}
